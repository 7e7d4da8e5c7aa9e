using System.Collections.Immutable;
using KongIdentityOperator.Sandbox.Konnect.Http;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>The fields a POST or PATCH of an auth server sets (null = not given).</summary>
internal sealed record AuthServerChanges(
    string? Name,
    string? Description,
    string? Audience,
    string? SigningAlgorithm,
    LabelsPatch? Labels,
    ImmutableArray<string>? TrustedOrigins)
{
    public static AuthServerChanges Read(JsonBodyReader body, bool create)
    {
        var changes = new AuthServerChanges(
            body.String("name", required: create, minLength: 1),
            body.String("description"),
            body.String("audience", required: create, minLength: 1),
            body.Enum("signing_algorithm", IdentityRules.SigningAlgorithms),
            create ? ToPatch(body.Labels("labels")) : body.LabelsPatch("labels"),
            body.UriArray("trusted_origins", unique: true, maxItems: IdentityRules.MaxTrustedOrigins));
        body.ThrowIfInvalid();
        return changes;
    }

    private static LabelsPatch? ToPatch(ImmutableDictionary<string, string>? labels) =>
        labels is null ? null : new LabelsPatch(false, labels, []);
}
