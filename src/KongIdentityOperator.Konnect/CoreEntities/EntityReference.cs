namespace KongIdentityOperator.Konnect.CoreEntities;

/// <summary>A foreign key of a core entity, e.g. a plugin's <c>service: {"id": "…"}</c>.</summary>
public sealed record EntityReference(string Id);
