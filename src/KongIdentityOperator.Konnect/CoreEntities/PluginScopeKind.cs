namespace KongIdentityOperator.Konnect.CoreEntities;

/// <summary>The parent kind of a <see cref="PluginScope"/>.</summary>
public enum PluginScopeKind
{
    Global,
    Service,
    Route,
}
