using KongIdentityOperator.Sandbox.Konnect.ControlPlanes;
using KongIdentityOperator.Sandbox.Konnect.CoreEntities;

namespace KongIdentityOperator.Sandbox.Konnect.State;

/// <summary>A control plane with its core entities. Guarded by <see cref="EmulatorStore.Gate"/>.</summary>
internal sealed class ControlPlaneNode(ControlPlane entity)
{
    public ControlPlane Entity { get; set; } = entity;

    public Dictionary<Guid, GatewayService> Services { get; } = [];

    public Dictionary<Guid, GatewayRoute> Routes { get; } = [];

    public Dictionary<Guid, Plugin> Plugins { get; } = [];
}
