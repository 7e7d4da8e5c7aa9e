using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.References;
using KongIdentityOperator.Runtime.Events;

namespace KongIdentityOperator.Finalizers;

/// <summary>Deletes the claim from Konnect.</summary>
internal sealed class ClaimFinalizer(ParentResolver parents, IKonnectClientFactory konnect, CleanupRecorder cleanup, EventPublisher events)
    : AuthServerChildFinalizer<Claim, ClaimStatus>(parents, konnect, cleanup, events)
{
    protected override string Noun => "claim";

    protected override Task<bool> DeleteRemoteAsync(IKonnectClient api, string authServerId, string id, CancellationToken cancellationToken) =>
        api.Claims.DeleteAsync(authServerId, id, cancellationToken);
}
