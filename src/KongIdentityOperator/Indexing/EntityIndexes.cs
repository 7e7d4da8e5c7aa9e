using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Indexing;

/// <summary>The cache indexes of each kind, in one place for the controller registrations and anything that fakes the cache.</summary>
internal static class EntityIndexes
{
    public static IReadOnlyList<EntityIndex<AuthServer>> AuthServer { get; } =
    [
        new(Indexes.Uid, a => [a.Metadata.Uid]),
        new(Indexes.LimitExceeded, a => Indexes.WhenLimited(a.Status, string.Empty)),
        new(Indexes.SecretRef, a => Indexes.TokenSecret(a.Metadata.NamespaceProperty, a.Spec.Konnect)),
    ];

    public static IReadOnlyList<EntityIndex<Scope>> Scope { get; } =
    [
        new(Indexes.KonnectId, s => Indexes.KonnectIds(s.Metadata, s.Status)),
        new(Indexes.AuthServerRef, s => Indexes.AuthServerOf(s.Metadata.NamespaceProperty, s.Spec.AuthServerRef)),
    ];

    public static IReadOnlyList<EntityIndex<Claim>> Claim { get; } =
    [
        new(Indexes.KonnectId, c => Indexes.KonnectIds(c.Metadata, c.Status)),
        new(Indexes.AuthServerRef, c => Indexes.AuthServerOf(c.Metadata.NamespaceProperty, c.Spec.AuthServerRef)),
        new(Indexes.ScopeRef, c => Indexes.Scopes(c.Metadata.NamespaceProperty, c.Spec.IncludeInScopes)),
    ];

    public static IReadOnlyList<EntityIndex<Client>> Client { get; } =
    [
        new(Indexes.Uid, c => [c.Metadata.Uid]),
        new(Indexes.LimitExceeded, c => Indexes.WhenLimited(c.Status, Indexes.Key(c.Metadata.NamespaceProperty, c.Spec.AuthServerRef.Name))),
        new(Indexes.AuthServerRef, c => Indexes.AuthServerOf(c.Metadata.NamespaceProperty, c.Spec.AuthServerRef)),
        new(Indexes.ScopeRef, c => Indexes.Scopes(c.Metadata.NamespaceProperty, c.Spec.AllowScopes)),
        new(Indexes.SecretRef, c => c.Spec.ClientSecretRef is { } byo ? [Indexes.Key(c.Metadata.NamespaceProperty, byo.Name)] : []),
    ];

    public static IReadOnlyList<EntityIndex<UpstreamOAuthPolicy>> Policy { get; } =
    [
        new(Indexes.Uid, p => [p.Metadata.Uid]),
        new(Indexes.ClientRef, p => [Indexes.Key(p.Metadata.NamespaceProperty, p.Spec.ClientRef.Name)]),
        new(Indexes.ControlPlaneRef, p => [Indexes.ControlPlane(p.Spec.ControlPlaneRef)]),
        new(Indexes.ScopeRef, p => Indexes.Scopes(p.Metadata.NamespaceProperty, p.Spec.Scopes)),
        new(Indexes.SecretRef, p => Indexes.TokenSecret(p.Metadata.NamespaceProperty, p.Spec.Konnect)),
    ];
}
