namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>Kinds of nested plugin parents.</summary>
internal enum PluginParentKind
{
    /// <summary>A gateway service.</summary>
    Service,

    /// <summary>A route.</summary>
    Route,
}
