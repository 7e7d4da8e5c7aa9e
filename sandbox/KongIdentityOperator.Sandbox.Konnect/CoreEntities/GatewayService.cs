using System.Collections.Immutable;
using System.Text.Json;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>A gateway service (Kong <c>services</c> entity).</summary>
internal sealed record GatewayService(
    Guid Id,
    long Sequence,
    string? Name,
    string Host,
    int Port,
    string Protocol,
    string? Path,
    int Retries,
    int ConnectTimeout,
    int WriteTimeout,
    int ReadTimeout,
    bool Enabled,
    ImmutableArray<string>? Tags,
    bool? TlsVerify,
    int? TlsVerifyDepth,
    ImmutableArray<string>? CaCertificates,
    string? ClientCertificateId,
    JsonElement? TlsSans,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
