using KongIdentityOperator.Entities;
using KongIdentityOperator.Mapping;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.References;

/// <summary>Resolves Scope refs (same namespace, from the cache) to ids and names; a Scope of another AuthServer stalls.</summary>
internal sealed class ScopeResolver(IEntityCache<Scope> scopes)
{
    public Resolution<ResolvedScopes> Resolve(string @namespace, IEnumerable<LocalObjectReference>? references, string authServerName, string? authServerId)
    {
        var ids = new List<string>();
        var names = new List<string>();
        foreach (var reference in (references ?? []).DistinctBy(r => r.Name))
        {
            var scope = scopes.Get(@namespace, reference.Name);
            if (scope is null)
            {
                return Resolution<ResolvedScopes>.Failed(ReconcileOutcome.Progressing(ConditionReasons.WaitingForRef, $"Waiting for Scope {reference.Name} to exist."));
            }

            if (scope.Spec.AuthServerRef.Name != authServerName)
            {
                return Resolution<ResolvedScopes>.Failed(ReconcileOutcome.Stalled(
                    ConditionReasons.InvalidSpec, $"Scope {reference.Name} belongs to AuthServer {scope.Spec.AuthServerRef.Name}, not {authServerName}."));
            }

            if (scope.Status.Id is null || (authServerId is not null && scope.Status.AuthServerId != authServerId) || !ReadyCheck.IsReady(scope.Status))
            {
                return Resolution<ResolvedScopes>.Failed(ReconcileOutcome.Progressing(
                    ConditionReasons.WaitingForRef, $"Waiting for Scope {reference.Name} to be ready{ReadyCheck.NotReadyDetail(scope.Status)}"));
            }

            ids.Add(scope.Status.Id);
            names.Add(scope.Status.Name ?? ScopeMapping.ScopeName(scope));
        }

        return Resolution<ResolvedScopes>.Of(new ResolvedScopes(ids, names));
    }
}
