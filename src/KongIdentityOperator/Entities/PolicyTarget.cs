using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("Where the plugin applies: a gateway service, a route, or (neither set) the whole control plane.")]
[ValidationRule("!(has(self.service) && has(self.route))", "set at most one of service or route; neither means global")]
public sealed class PolicyTarget
{
    [Description("A gateway service of the control plane, by name or id.")]
    public GatewayEntityRef? Service { get; set; }

    [Description("A route of the control plane, by name or id.")]
    public GatewayEntityRef? Route { get; set; }
}
