using KongIdentityOperator.Entities;
using KongIdentityOperator.Indexing;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Konnect.ControlPlanes;
using KongIdentityOperator.Mapping;
using KongIdentityOperator.Observation;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.References;

/// <summary>
/// Resolves the control plane and the target (global, or a gateway service or route, by name or id) to Konnect ids.
/// The ids recorded in status are reused while the spec is unchanged, so a steady state costs no lookups; when many
/// policies of a control plane are new at once, one list of control planes and one of its services answer for all.
/// </summary>
internal sealed class PolicyTargetResolver(RemoteObservations observations, ChildDemand<UpstreamOAuthPolicy> demand)
{
    public async Task<Resolution<ResolvedTarget>> ResolveAsync(UpstreamOAuthPolicy policy, IKonnectClient api, CancellationToken cancellationToken)
    {
        var spec = policy.Spec;
        if (policy.Status.ObservedGeneration == policy.Metadata.Generation && policy.Status.ControlPlaneId is { } knownPlane && ReadyCheck.IsReady(policy.Status))
        {
            var known = spec.Target?.Service is not null ? new PluginTarget(policy.Status.TargetId, null)
                : spec.Target?.Route is not null ? new PluginTarget(null, policy.Status.TargetId)
                : PluginTarget.Global;
            return Resolution<ResolvedTarget>.Of(new ResolvedTarget(knownPlane, known));
        }

        var pending = () => demand.Of(Indexes.ControlPlaneRef, Indexes.ControlPlane(spec.ControlPlaneRef));
        var controlPlane = await FindControlPlaneAsync(spec.ControlPlaneRef, api, pending, cancellationToken);
        if (controlPlane is null)
        {
            return NotFound($"control plane {Describe(spec.ControlPlaneRef)} (spec.controlPlaneRef)");
        }

        if (spec.Target?.Service is { } serviceRef)
        {
            var (byName, key) = Lookup(serviceRef.Id, serviceRef.Name);
            var service = key is null ? null : await observations.Services(api, controlPlane.Id, byName, pending).FindAsync(key, cancellationToken);
            return service is null
                ? NotFound($"gateway service {Describe(serviceRef)} in control plane {controlPlane.Name}")
                : Resolution<ResolvedTarget>.Of(new ResolvedTarget(controlPlane.Id, new PluginTarget(service.Id, null)));
        }

        if (spec.Target?.Route is { } routeRef)
        {
            var (_, key) = Lookup(routeRef.Id, routeRef.Name);
            var route = key is null ? null : await api.Routes.GetAsync(controlPlane.Id, key, cancellationToken);
            return route is null
                ? NotFound($"route {Describe(routeRef)} in control plane {controlPlane.Name}")
                : Resolution<ResolvedTarget>.Of(new ResolvedTarget(controlPlane.Id, new PluginTarget(null, route.Id)));
        }

        return Resolution<ResolvedTarget>.Of(new ResolvedTarget(controlPlane.Id, PluginTarget.Global));
    }

    private async Task<ControlPlane?> FindControlPlaneAsync(ObjectRefByNameOrId reference, IKonnectClient api, Func<(int, int)> pending, CancellationToken cancellationToken) =>
        Lookup(reference.Id, reference.Name) switch
        {
            (false, { } id) => await observations.ControlPlanesById(api, pending).FindAsync(id, cancellationToken),
            (true, { } name) => await observations.ControlPlanesByName(api, pending).FindAsync(name, cancellationToken),
            _ => null,
        };

    /// <summary>By id when there is one, else by name; admission requires one of the two (null: neither, nothing to find).</summary>
    private static (bool ByName, string? Key) Lookup(string? id, string? name) => id is not null ? (false, id) : (true, name);

    private static string Describe(ObjectRefByNameOrId reference) => Describe(reference.Id, reference.Name);

    private static string Describe(GatewayEntityRef reference) => Describe(reference.Id, reference.Name);

    private static string Describe(string? id, string? name) => id is not null ? $"with id {id}" : $"'{name}'";

    // Konnect objects outside the cluster: no watch can wake us, so this stalls and the periodic resync looks again.
    private static Resolution<ResolvedTarget> NotFound(string what) =>
        Resolution<ResolvedTarget>.Failed(ReconcileOutcome.Stalled(ConditionReasons.InvalidSpec, $"There is no {what} in Konnect."));
}
