using System.Collections.Immutable;
using System.Text.Json;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>A gateway route (Kong <c>routes</c> entity, JSON flavour).</summary>
internal sealed record GatewayRoute(
    Guid Id,
    long Sequence,
    string? Name,
    Guid? ServiceId,
    ImmutableArray<string> Protocols,
    ImmutableArray<string>? Methods,
    ImmutableArray<string>? Hosts,
    ImmutableArray<string>? Paths,
    JsonElement? Headers,
    ImmutableArray<string>? Snis,
    JsonElement? Sources,
    JsonElement? Destinations,
    int HttpsRedirectStatusCode,
    int RegexPriority,
    bool StripPath,
    string PathHandling,
    bool PreserveHost,
    bool RequestBuffering,
    bool ResponseBuffering,
    ImmutableArray<string>? Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
