using KongIdentityOperator.Entities;
using KongIdentityOperator.Indexing;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Konnect.CoreEntities;
using KongIdentityOperator.Mapping;
using KongIdentityOperator.Observation;
using KongIdentityOperator.Ownership;
using KongIdentityOperator.References;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Controllers;

/// <summary>
/// Upserts the <c>upstream-oauth</c> plugin (PUT with a stable id: the object's uid) with the Client's credentials, the
/// AuthServer's token endpoint and the Scope names. It follows secret rotation (the credentials Secret is watched and
/// its version recorded in status) and scope renames (Scopes are watched), and writes only when Konnect differs.
/// </summary>
internal sealed class UpstreamOAuthPolicyController(
    PolicySourceResolver sources,
    PolicyTargetResolver targets,
    IKonnectClientFactory konnect,
    RemoteObservations observations,
    ChildDemand<UpstreamOAuthPolicy> demand,
    OwnerCheck<UpstreamOAuthPolicy> owners,
    OutcomeRecorder recorder,
    EventPublisher events) : IEntityController<UpstreamOAuthPolicy>
{
    public async Task<ReconciliationResult<UpstreamOAuthPolicy>> ReconcileAsync(UpstreamOAuthPolicy entity, CancellationToken cancellationToken)
    {
        if (!sources.Resolve(entity).TryGet(out var resolved, out var problem))
        {
            return await recorder.RecordAsync<UpstreamOAuthPolicy, UpstreamOAuthPolicyStatus>(entity, problem, [DomainCondition.RefsUnresolved(problem)], null, cancellationToken);
        }

        var api = konnect.For(resolved.Connection);
        try
        {
            if (!(await targets.ResolveAsync(entity, api, cancellationToken)).TryGet(out var placement, out var targetProblem))
            {
                return await recorder.RecordAsync<UpstreamOAuthPolicy, UpstreamOAuthPolicyStatus>(
                    entity, targetProblem, [DomainCondition.RefsUnresolved(targetProblem)], null, cancellationToken);
            }

            var (controlPlaneId, target) = placement;
            var pluginId = PluginMapping.PluginId(entity);
            var desired = PluginMapping.Upsert(entity, new PluginInputs(resolved.TokenEndpoint, resolved.ClientId, resolved.ClientSecret, resolved.ScopeNames, target));
            var plugins = observations.Plugins(api, controlPlaneId, () => demand.Of(Indexes.ControlPlaneRef, Indexes.ControlPlane(entity.Spec.ControlPlaneRef)));
            var remote = await plugins.FindAsync(pluginId, cancellationToken);
            if (remote is not null && await RefusalAsync(entity, pluginId, remote, cancellationToken) is { } refused)
            {
                return await recorder.RecordAsync<UpstreamOAuthPolicy, UpstreamOAuthPolicyStatus>(entity, refused, [DomainCondition.RefsResolved], null, cancellationToken);
            }

            var credentialsCurrent = entity.Status.ClientSecretVersion == resolved.CredentialsVersion;
            if (remote is null || !credentialsCurrent || PluginMapping.Differs(desired, target, remote))
            {
                var scope = target.ServiceId is { } serviceId ? PluginScope.Service(serviceId)
                    : target.RouteId is { } routeId ? PluginScope.Route(routeId)
                    : PluginScope.Global;
                plugins.Remember(await api.Plugins.UpsertAsync(controlPlaneId, scope, pluginId, desired, cancellationToken));
                var change = remote is null ? ChangeReasons.Created : ChangeReasons.Updated;
                await events(entity, change, $"{change} upstream-oauth plugin {pluginId} ({scope}) on control plane {controlPlaneId}.", cancellationToken: cancellationToken);
            }

            return await recorder.RecordAsync<UpstreamOAuthPolicy, UpstreamOAuthPolicyStatus>(
                entity,
                ReconcileOutcome.Ready($"Plugin upstream-oauth {pluginId} is configured with Client {entity.Spec.ClientRef.Name}."),
                [DomainCondition.RefsResolved],
                status =>
                {
                    status.Id = pluginId;
                    status.ControlPlaneId = controlPlaneId;
                    status.TargetId = target.Id;
                    status.ClientSecretVersion = resolved.CredentialsVersion;
                },
                cancellationToken);
        }
        catch (Exception e) when (KonnectErrors.Handles(e))
        {
            return await recorder.RecordAsync<UpstreamOAuthPolicy, UpstreamOAuthPolicyStatus>(entity, KonnectErrors.ToOutcome(e), [DomainCondition.RefsResolved], null, cancellationToken);
        }
    }

    /// <summary>
    /// Why an existing plugin must not be written: it is not an upstream-oauth plugin (a policy never replaces a plugin of
    /// another name), or its tags name another policy that still exists (adopting takes only unmarked plugins or those
    /// whose policy is gone). Null when it may be written.
    /// </summary>
    private async Task<ReconcileOutcome?> RefusalAsync(UpstreamOAuthPolicy entity, string pluginId, Plugin remote, CancellationToken cancellationToken)
    {
        if (remote.Name != PluginMapping.PluginName)
        {
            return ReconcileOutcome.Stalled(
                ConditionReasons.NotOwned,
                $"Plugin {pluginId} is a {remote.Name} plugin; a policy manages only {PluginMapping.PluginName} plugins and never replaces another. Fix spec.adopt.id.");
        }

        var verdict = await owners.CheckAsync(OwnershipMarkers.FromTags(remote.Tags), entity, cancellationToken);
        var allowed = entity.Spec.Adopt?.Id == pluginId ? verdict.MayAdopt : verdict.MayRecover(entity.Metadata.NamespaceProperty, entity.Metadata.Name);
        return allowed ? null : verdict.NotOwned($"Plugin {pluginId}", "point spec.adopt.id at another plugin.");
    }

    public Task<ReconciliationResult<UpstreamOAuthPolicy>> DeletedAsync(UpstreamOAuthPolicy entity, CancellationToken cancellationToken) =>
        Task.FromResult(ReconciliationResult<UpstreamOAuthPolicy>.Success(entity));
}
