using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Konnect.ControlPlanes;
using KongIdentityOperator.Konnect.CoreEntities;
using KongIdentityOperator.Mapping;
using KongIdentityOperator.Observation;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Controllers;

/// <summary>
/// Resolves the control plane and the target (global, or a gateway service or route, by name or id) to Konnect ids.
/// The ids recorded in status are reused while the spec is unchanged, so a steady state costs no lookups; when many
/// policies of a control plane are new at once, one list of control planes and one of its services answer for all.
/// </summary>
internal sealed class PolicyTargetResolver(RemoteObservations observations, ChildDemand<UpstreamOAuthPolicy> demand)
{
    public async Task<(string? ControlPlaneId, PluginTarget? Target, ReconcileOutcome? Problem)> ResolveAsync(
        UpstreamOAuthPolicy policy, IKonnectClient api, CancellationToken cancellationToken)
    {
        var spec = policy.Spec;
        var unchanged = policy.Status.ObservedGeneration == policy.Metadata.Generation && policy.Status.ControlPlaneId is not null
            && ReadyCheck.IsReady(policy.Status);
        if (unchanged)
        {
            var known = spec.Target?.Service is not null ? new PluginTarget(policy.Status.TargetId, null)
                : spec.Target?.Route is not null ? new PluginTarget(null, policy.Status.TargetId)
                : PluginTarget.Global;
            return (policy.Status.ControlPlaneId, known, null);
        }

        var pending = () => demand.Of(Indexes.ControlPlaneRef, Indexes.ControlPlane(spec.ControlPlaneRef));
        var controlPlane = spec.ControlPlaneRef.Id is { } id
            ? await observations.Collection<ControlPlane>(RemoteReaders.ControlPlanesKey(api.Connection, byName: false))
                .FindAsync(id, RemoteReaders.ControlPlanesById(api), pending, cancellationToken)
            : await observations.Collection<ControlPlane>(RemoteReaders.ControlPlanesKey(api.Connection, byName: true))
                .FindAsync(spec.ControlPlaneRef.Name!, RemoteReaders.ControlPlanesByName(api), pending, cancellationToken);
        if (controlPlane is null)
        {
            return (null, null, NotFound($"control plane {Describe(spec.ControlPlaneRef)} (spec.controlPlaneRef)"));
        }

        if (spec.Target?.Service is { } serviceRef)
        {
            var byName = serviceRef.Id is null;
            var service = await observations.Collection<GatewayService>(RemoteReaders.ServicesKey(api.Connection, controlPlane.Id, byName))
                .FindAsync(serviceRef.Id ?? serviceRef.Name!, RemoteReaders.Services(api, controlPlane.Id, byName), pending, cancellationToken);
            return service is null
                ? (controlPlane.Id, null, NotFound($"gateway service {Describe(serviceRef)} in control plane {controlPlane.Name}"))
                : (controlPlane.Id, new PluginTarget(service.Id, null), null);
        }

        if (spec.Target?.Route is { } routeRef)
        {
            var route = await api.Routes.GetAsync(controlPlane.Id, routeRef.Id ?? routeRef.Name!, cancellationToken);
            return route is null
                ? (controlPlane.Id, null, NotFound($"route {Describe(routeRef)} in control plane {controlPlane.Name}"))
                : (controlPlane.Id, new PluginTarget(null, route.Id), null);
        }

        return (controlPlane.Id, PluginTarget.Global, null);
    }

    private static string Describe(ObjectRefByNameOrId reference) => Describe(reference.Id, reference.Name);

    private static string Describe(GatewayEntityRef reference) => Describe(reference.Id, reference.Name);

    private static string Describe(string? id, string? name) => id is not null ? $"with id {id}" : $"'{name}'";

    // Konnect objects outside the cluster: no watch can wake us, so this stalls and the periodic resync looks again.
    private static ReconcileOutcome NotFound(string what) => ReconcileOutcome.Stalled(ConditionReasons.InvalidSpec, $"There is no {what} in Konnect.");
}
