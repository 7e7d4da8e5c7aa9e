using KongIdentityOperator.Entities;
using Remote = KongIdentityOperator.Konnect.Identity;

namespace KongIdentityOperator.Mapping;

/// <summary>The Konnect claim a <see cref="Claim"/> asks for (with its scope refs resolved to ids), and the diff.</summary>
internal static class ClaimMapping
{
    public static Remote.ClaimCreate Create(Claim entity, IReadOnlyList<string> scopeIds) => new(entity.Spec.Name, entity.Spec.Value)
    {
        IncludeInToken = entity.Spec.IncludeInToken ?? false,
        IncludeInAllScopes = entity.Spec.IncludeInAllScopes ?? false,
        IncludeInScopes = scopeIds,
        Enabled = entity.Spec.Enabled ?? true,
    };

    public static Remote.ClaimPatch? Diff(Claim entity, IReadOnlyList<string> scopeIds, Remote.Claim actual)
    {
        var desired = Create(entity, scopeIds);
        var patch = new Remote.ClaimPatch
        {
            Name = desired.Name == actual.Name ? null : desired.Name,
            Value = desired.Value == actual.Value ? null : desired.Value,
            IncludeInToken = desired.IncludeInToken == actual.IncludeInToken ? null : desired.IncludeInToken,
            IncludeInAllScopes = desired.IncludeInAllScopes == actual.IncludeInAllScopes ? null : desired.IncludeInAllScopes,
            IncludeInScopes = SameSet(scopeIds, actual.IncludeInScopes) ? null : scopeIds,
            Enabled = desired.Enabled == actual.Enabled ? null : desired.Enabled,
        };
        return patch == new Remote.ClaimPatch() ? null : patch;
    }

    internal static bool SameSet(IReadOnlyList<string> desired, IReadOnlyList<string>? actual) =>
        new HashSet<string>(desired, StringComparer.Ordinal).SetEquals(actual ?? []);
}
