using KongIdentityOperator.Entities;
using Remote = KongIdentityOperator.Konnect.Identity;

namespace KongIdentityOperator.Mapping;

/// <summary>The Konnect auth server an <see cref="AuthServer"/> asks for, and how an existing one differs.</summary>
internal static class AuthServerMapping
{
    public static string DisplayName(AuthServer entity) =>
        entity.Spec.DisplayName ?? $"{entity.Metadata.NamespaceProperty}-{entity.Metadata.Name}";

    public static Remote.AuthServerCreate Create(AuthServer entity) => new(DisplayName(entity), entity.Spec.Audience)
    {
        Description = entity.Spec.Description ?? string.Empty,
        SigningAlgorithm = (entity.Spec.SigningAlgorithm ?? SigningAlgorithm.RS256).ToString(),
        Labels = OwnershipMarkers.Labels(AsReadOnly(entity.Spec.Labels), entity.Metadata),
        TrustedOrigins = [.. entity.Spec.TrustedOrigins ?? []],
    };

    /// <summary>A PATCH with only the fields that differ, or null when Konnect already matches.</summary>
    public static Remote.AuthServerPatch? Diff(AuthServer entity, Remote.AuthServer actual)
    {
        var desired = Create(entity);
        var patch = new Remote.AuthServerPatch
        {
            Name = Differs(desired.Name, actual.Name),
            Audience = Differs(desired.Audience, actual.Audience),
            Description = Differs(desired.Description ?? string.Empty, actual.Description),
            SigningAlgorithm = Differs(desired.SigningAlgorithm!, actual.SigningAlgorithm),
            Labels = LabelDiff.Patch(desired.Labels!, actual.Labels),
            TrustedOrigins = ClaimMapping.SameSet(desired.TrustedOrigins ?? [], actual.TrustedOrigins) ? null : desired.TrustedOrigins,
        };
        return patch == new Remote.AuthServerPatch() ? null : patch;
    }

    private static string? Differs(string desired, string? actual) => desired == (actual ?? string.Empty) ? null : desired;

    internal static IReadOnlyDictionary<string, string>? AsReadOnly(IDictionary<string, string>? labels) =>
        labels is null ? null : new Dictionary<string, string>(labels, StringComparer.Ordinal);
}
