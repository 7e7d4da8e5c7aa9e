using KongIdentityOperator.Connections;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Controllers;

/// <summary>
/// Resolves the AuthServer a Scope, Claim or Client names (same namespace, from the cache) and the Konnect connection
/// it uses. Until the AuthServer is Ready the dependent waits (WaitingForRef); the AuthServer watch wakes it up.
/// </summary>
internal sealed class ParentResolver(IEntityCache<AuthServer> authServers, KonnectConnectionResolver connections)
{
    public ParentResult Resolve(string @namespace, LocalObjectReference reference)
    {
        var authServer = authServers.Get(@namespace, reference.Name);
        if (authServer is null)
        {
            return ParentResult.Failed(Waiting($"Waiting for AuthServer {reference.Name} (spec.authServerRef) to exist."));
        }

        if (authServer.Metadata.DeletionTimestamp is not null)
        {
            return ParentResult.Failed(Waiting($"AuthServer {reference.Name} is being deleted."));
        }

        if (authServer.Status.Id is null || !ReadyCheck.IsReady(authServer.Status))
        {
            return ParentResult.Failed(Waiting($"Waiting for AuthServer {reference.Name} to be ready{ReadyCheck.NotReadyDetail(authServer.Status)}"));
        }

        var connection = connections.Resolve(@namespace, authServer.Spec.Konnect);
        return connection.Problem is { } problem
            ? ParentResult.Failed(problem with { Message = $"AuthServer {reference.Name}: {problem.Message}" })
            : new ParentResult(authServer, authServer.Status.Id, connection.Connection, null);
    }

    /// <summary>For finalizers: the AuthServer and its connection; null when the AuthServer is gone (nothing to clean up through it).</summary>
    public ParentResult? ResolveForCleanup(string @namespace, LocalObjectReference reference)
    {
        var authServer = authServers.Get(@namespace, reference.Name);
        if (authServer?.Status.Id is null)
        {
            return null;
        }

        var connection = connections.Resolve(@namespace, authServer.Spec.Konnect);
        return connection.Problem is { } problem
            ? ParentResult.Failed(problem)
            : new ParentResult(authServer, authServer.Status.Id, connection.Connection, null);
    }

    private static ReconcileOutcome Waiting(string message) => ReconcileOutcome.Progressing(ConditionReasons.WaitingForRef, message);
}
