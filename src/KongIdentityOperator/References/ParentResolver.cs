using KongIdentityOperator.Connections;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.References;

/// <summary>
/// Resolves the AuthServer a Scope, Claim or Client names (same namespace, from the cache) and the Konnect connection
/// it uses. Until the AuthServer is Ready the dependent waits (WaitingForRef); the AuthServer watch wakes it up.
/// </summary>
internal sealed class ParentResolver(IEntityCache<AuthServer> authServers, KonnectConnectionResolver connections)
{
    public Resolution<Parent> Resolve(string @namespace, LocalObjectReference reference)
    {
        var authServer = authServers.Get(@namespace, reference.Name);
        if (authServer is null)
        {
            return Waiting($"Waiting for AuthServer {reference.Name} (spec.authServerRef) to exist.");
        }

        if (authServer.Metadata.DeletionTimestamp is not null)
        {
            return Waiting($"AuthServer {reference.Name} is being deleted.");
        }

        if (authServer.Status.Id is not { } authServerId || !ReadyCheck.IsReady(authServer.Status))
        {
            return Waiting($"Waiting for AuthServer {reference.Name} to be ready{ReadyCheck.NotReadyDetail(authServer.Status)}");
        }

        return connections.Resolve(@namespace, authServer.Spec.Konnect).TryGet(out var connection, out var problem)
            ? Resolution<Parent>.Of(new Parent(authServer, authServerId, connection))
            : Resolution<Parent>.Failed(problem with { Message = $"AuthServer {reference.Name}: {problem.Message}" });
    }

    /// <summary>
    /// For finalizers: the AuthServer the child's Konnect object lives in, with its connection. Null when there is none
    /// to clean up through: the AuthServer is gone, or it was replaced by one with another Konnect id (the child's
    /// object went, or was orphaned, with the old one). A failed resolution (the token Secret missing, say) is not
    /// null: the cleanup must wait for it rather than leave the Konnect object behind.
    /// </summary>
    public Resolution<Parent>? ResolveForCleanup(string @namespace, LocalObjectReference reference, string? remoteAuthServerId)
    {
        var authServer = authServers.Get(@namespace, reference.Name);
        if (authServer?.Status.Id is not { } authServerId || authServerId != remoteAuthServerId)
        {
            return null;
        }

        return connections.Resolve(@namespace, authServer.Spec.Konnect).Map(connection => new Parent(authServer, authServerId, connection));
    }

    private static Resolution<Parent> Waiting(string message) =>
        Resolution<Parent>.Failed(ReconcileOutcome.Progressing(ConditionReasons.WaitingForRef, message));
}
