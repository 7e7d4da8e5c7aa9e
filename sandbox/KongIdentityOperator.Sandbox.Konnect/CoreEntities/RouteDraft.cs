namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>A parsed route body: the entity plus its service reference (id or name), resolved by the store.</summary>
internal sealed record RouteDraft(GatewayRoute Route, string? ServiceReference);
