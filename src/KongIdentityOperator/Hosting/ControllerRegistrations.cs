using k8s.Models;
using KongIdentityOperator.Connections;
using KongIdentityOperator.Controllers;
using KongIdentityOperator.Credentials;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Finalizers;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Hosting;

/// <summary>
/// The five controllers, their finalizers, and the indexes and watches that wake a dependent when what it references
/// changes — never a poll. Only selected Secrets are cached (see <see cref="CachedSecrets"/>).
/// </summary>
internal static class ControllerRegistrations
{
    public static IOperatorBuilder AddKongIdentityControllers(this IOperatorBuilder builder) => builder
        .AddController<AuthServerController, AuthServer>(o => o
            .AddIndex(Indexes.Uid, a => [a.Metadata.Uid])
            .AddIndex(Indexes.LimitExceeded, a => Indexes.WhenLimited(a.Status, string.Empty))
            .Watch<AuthServer>((a, cache) => Freed(a, cache, string.Empty))
            .AddIndex(Indexes.SecretRef, a => Indexes.TokenSecret(a.Metadata.NamespaceProperty, a.Spec.Konnect))
            .Watch<V1Secret>(BySecret, CachedSecrets.Watch)
            .Watch<Scope>((s, cache) => IfTerminating(cache, s.Metadata.NamespaceProperty, s.Spec.AuthServerRef.Name))
            .Watch<Claim>((c, cache) => IfTerminating(cache, c.Metadata.NamespaceProperty, c.Spec.AuthServerRef.Name))
            .Watch<Client>((c, cache) => IfTerminating(cache, c.Metadata.NamespaceProperty, c.Spec.AuthServerRef.Name)))
        .AddFinalizer<AuthServerFinalizer, AuthServer>(FinalizerNames.Cleanup)
        .AddController<ScopeController, Scope>(o => o
            .AddIndex(Indexes.KonnectId, s => Indexes.KonnectIds(s.Metadata, s.Status))
            .AddIndex(Indexes.AuthServerRef, s => Indexes.AuthServerOf(s.Metadata.NamespaceProperty, s.Spec.AuthServerRef))
            .Watch<AuthServer>((a, cache) => cache.GetKeysByIndex(Indexes.AuthServerRef, Indexes.Key(a.Metadata))))
        .AddFinalizer<ScopeFinalizer, Scope>(FinalizerNames.Cleanup)
        .AddController<ClaimController, Claim>(o => o
            .AddIndex(Indexes.KonnectId, c => Indexes.KonnectIds(c.Metadata, c.Status))
            .AddIndex(Indexes.AuthServerRef, c => Indexes.AuthServerOf(c.Metadata.NamespaceProperty, c.Spec.AuthServerRef))
            .AddIndex(Indexes.ScopeRef, c => Indexes.Scopes(c.Metadata.NamespaceProperty, c.Spec.IncludeInScopes))
            .Watch<AuthServer>((a, cache) => cache.GetKeysByIndex(Indexes.AuthServerRef, Indexes.Key(a.Metadata)))
            .Watch<Scope>((s, cache) => cache.GetKeysByIndex(Indexes.ScopeRef, Indexes.Key(s.Metadata))))
        .AddFinalizer<ClaimFinalizer, Claim>(FinalizerNames.Cleanup)
        .AddController<ClientController, Client>(o =>
        {
            o.TriggerAnnotations.Add(CredentialAnnotations.RotateSecret);
            o.AddIndex(Indexes.Uid, c => [c.Metadata.Uid])
                .AddIndex(Indexes.LimitExceeded, c => Indexes.WhenLimited(c.Status, Indexes.Key(c.Metadata.NamespaceProperty, c.Spec.AuthServerRef.Name)))
                .Watch<Client>((c, cache) => Freed(c, cache, Indexes.Key(c.Metadata.NamespaceProperty, c.Spec.AuthServerRef.Name)))
                .AddIndex(Indexes.AuthServerRef, c => Indexes.AuthServerOf(c.Metadata.NamespaceProperty, c.Spec.AuthServerRef))
                .AddIndex(Indexes.ScopeRef, c => Indexes.Scopes(c.Metadata.NamespaceProperty, c.Spec.AllowScopes))
                .AddIndex(Indexes.SecretRef, c => c.Spec.ClientSecretRef is { } byo ? [Indexes.Key(c.Metadata.NamespaceProperty, byo.Name)] : [])
                .Watch<AuthServer>((a, cache) => cache.GetKeysByIndex(Indexes.AuthServerRef, Indexes.Key(a.Metadata)))
                .Watch<Scope>(ClientsOfScope)
                .Watch<V1Secret>((secret, cache) => BySecret(secret, cache).Concat(OwnersOf<Client>(secret)), CachedSecrets.Watch);
        })
        .AddFinalizer<ClientFinalizer, Client>(FinalizerNames.Cleanup)
        .AddController<UpstreamOAuthPolicyController, UpstreamOAuthPolicy>(o => o
            .AddIndex(Indexes.Uid, p => [p.Metadata.Uid])
            .AddIndex(Indexes.ClientRef, p => [Indexes.Key(p.Metadata.NamespaceProperty, p.Spec.ClientRef.Name)])
            .AddIndex(Indexes.ControlPlaneRef, p => [Indexes.ControlPlane(p.Spec.ControlPlaneRef)])
            .AddIndex(Indexes.ScopeRef, p => Indexes.Scopes(p.Metadata.NamespaceProperty, p.Spec.Scopes))
            .AddIndex(Indexes.SecretRef, p => Indexes.TokenSecret(p.Metadata.NamespaceProperty, p.Spec.Konnect))
            .Watch<Client>((c, cache) => cache.GetKeysByIndex(Indexes.ClientRef, Indexes.Key(c.Metadata)))
            .Watch<Scope>((s, cache) => cache.GetKeysByIndex(Indexes.ScopeRef, Indexes.Key(s.Metadata)))
            .Watch<V1Secret>(
                (secret, cache) => BySecret(secret, cache)
                    .Concat(OwnersOf<Client>(secret).SelectMany(client => cache.GetKeysByIndex(Indexes.ClientRef, client.ToString()))),
                CachedSecrets.Watch))
        .AddFinalizer<UpstreamOAuthPolicyFinalizer, UpstreamOAuthPolicy>(FinalizerNames.Cleanup)
        .AddController<TokenSecretGuard, V1Secret>(o =>
        {
            o.Name = "tokensecret";
            o.AutoAttachFinalizers = false;
            o.TriggerLabels.Add(ReferenceableSecret.Label);
            CachedSecrets.Select(o.AnyOfLabelSelectors);
            o.Watch<AuthServer>((a, _) => TokenSecretOf(a.Metadata, a.Spec.Konnect));
            o.Watch<UpstreamOAuthPolicy>((p, _) => TokenSecretOf(p.Metadata, p.Spec.Konnect));
        })
        .AddFinalizer<TokenSecretGuard, V1Secret>(FinalizerNames.TokenInUse);

    private static IEnumerable<EntityKey> TokenSecretOf(V1ObjectMeta metadata, KonnectSettings? konnect) =>
        konnect?.TokenSecretRef is { } reference ? [new EntityKey(metadata.NamespaceProperty, reference.Name)] : [];

    /// <summary>
    /// An object being deleted (and, last, gone) may free room under a Konnect limit: the objects of the same parent
    /// stalled on that limit are tried again — no polling, no retry loop.
    /// </summary>
    private static IEnumerable<EntityKey> Freed<TEntity>(TEntity deleted, IEntityCache<TEntity> cache, string parentKey)
        where TEntity : class, k8s.IKubernetesObject<V1ObjectMeta> =>
        deleted.Metadata.DeletionTimestamp is null ? [] : cache.GetKeysByIndex(Indexes.LimitExceeded, parentKey);

    private static IEnumerable<EntityKey> BySecret<TEntity>(V1Secret secret, IEntityCache<TEntity> cache)
        where TEntity : class, k8s.IKubernetesObject<V1ObjectMeta> =>
        cache.GetKeysByIndex(Indexes.SecretRef, Indexes.Key(secret.Metadata));

    private static IEnumerable<EntityKey> OwnersOf<TOwner>(V1Secret secret) =>
        (secret.Metadata.OwnerReferences ?? [])
            .Where(r => r.Controller == true && r.Kind == typeof(TOwner).Name && r.ApiVersion == EntityGroup.ApiVersion)
            .Select(r => new EntityKey(secret.Metadata.NamespaceProperty, r.Name));

    /// <summary>Clients that list the Scope, and those that allow all scopes of its AuthServer (their Secret lists the names).</summary>
    private static IEnumerable<EntityKey> ClientsOfScope(Scope scope, IEntityCache<Client> cache) =>
        cache.GetKeysByIndex(Indexes.ScopeRef, Indexes.Key(scope.Metadata))
            .Concat(cache.GetByIndex(Indexes.AuthServerRef, Indexes.Key(scope.Metadata.NamespaceProperty, scope.Spec.AuthServerRef.Name))
                .Where(c => c.Spec.AllowAllScopes == true && c.Spec.AllowScopes is not { Count: > 0 })
                .Select(EntityKey.From));

    /// <summary>A terminating AuthServer waits for its dependents; their changes (and deletion) wake it up.</summary>
    private static IEnumerable<EntityKey> IfTerminating(IEntityCache<AuthServer> cache, string @namespace, string name) =>
        cache.Get(@namespace, name)?.Metadata.DeletionTimestamp is not null ? [new EntityKey(@namespace, name)] : [];
}
