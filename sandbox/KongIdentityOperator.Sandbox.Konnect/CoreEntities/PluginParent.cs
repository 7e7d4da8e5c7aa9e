namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>The parent named by a nested plugin path (<c>/services/{id}/plugins</c>, <c>/routes/{id}/plugins</c>).</summary>
internal sealed record PluginParent(PluginParentKind Kind, string IdOrName);
