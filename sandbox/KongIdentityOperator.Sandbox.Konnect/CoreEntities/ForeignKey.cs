namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>A reference to another core entity: <c>{"id": "…"}</c>.</summary>
internal sealed record ForeignKey(string Id);
