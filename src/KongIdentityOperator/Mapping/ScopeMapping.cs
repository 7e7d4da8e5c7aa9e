using KongIdentityOperator.Entities;
using Remote = KongIdentityOperator.Konnect.Identity;

namespace KongIdentityOperator.Mapping;

/// <summary>The Konnect scope a <see cref="Scope"/> asks for, and how an existing one differs.</summary>
internal static class ScopeMapping
{
    /// <summary>The scope string clients request.</summary>
    public static string ScopeName(Scope entity) => entity.Spec.Name ?? entity.Metadata.Name;

    public static Remote.ScopeCreate Create(Scope entity) => new(ScopeName(entity))
    {
        Description = entity.Spec.Description ?? string.Empty,
        Default = entity.Spec.Default ?? false,
        IncludeInMetadata = entity.Spec.IncludeInMetadata ?? false,
        Enabled = entity.Spec.Enabled ?? true,
    };

    public static Remote.ScopePatch? Diff(Scope entity, Remote.Scope actual)
    {
        var desired = Create(entity);
        var patch = new Remote.ScopePatch
        {
            Name = desired.Name == actual.Name ? null : desired.Name,
            Description = desired.Description == actual.Description ? null : desired.Description,
            Default = desired.Default == actual.Default ? null : desired.Default,
            IncludeInMetadata = desired.IncludeInMetadata == actual.IncludeInMetadata ? null : desired.IncludeInMetadata,
            Enabled = desired.Enabled == actual.Enabled ? null : desired.Enabled,
        };
        return patch == new Remote.ScopePatch() ? null : patch;
    }
}
