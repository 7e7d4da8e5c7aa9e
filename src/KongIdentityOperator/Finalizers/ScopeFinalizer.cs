using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.References;
using KongIdentityOperator.Runtime.Events;

namespace KongIdentityOperator.Finalizers;

/// <summary>Deletes the scope from Konnect.</summary>
internal sealed class ScopeFinalizer(ParentResolver parents, IKonnectClientFactory konnect, CleanupRecorder cleanup, EventPublisher events)
    : AuthServerChildFinalizer<Scope, ScopeStatus>(parents, konnect, cleanup, events)
{
    protected override string Noun => "scope";

    protected override Task<bool> DeleteRemoteAsync(IKonnectClient api, string authServerId, string id, CancellationToken cancellationToken) =>
        api.Scopes.DeleteAsync(authServerId, id, cancellationToken);
}
