namespace KongIdentityOperator.Konnect.CoreEntities;

/// <summary>Where a plugin applies: the whole control plane, one gateway service, or one route.</summary>
public sealed record PluginScope
{
    private PluginScope(PluginScopeKind kind, string? parentIdOrName)
    {
        Kind = kind;
        ParentIdOrName = parentIdOrName;
    }

    /// <summary>The kind of parent.</summary>
    public PluginScopeKind Kind { get; }

    /// <summary>Id or name of the service or route; <see langword="null"/> for <see cref="Global"/>.</summary>
    public string? ParentIdOrName { get; }

    /// <summary>A plugin that applies to every request of the control plane.</summary>
    public static PluginScope Global { get; } = new(PluginScopeKind.Global, null);

    /// <summary>A plugin nested under a gateway service (<c>/services/{idOrName}/plugins</c>).</summary>
    public static PluginScope Service(string idOrName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrName);
        return new(PluginScopeKind.Service, idOrName);
    }

    /// <summary>A plugin nested under a route (<c>/routes/{idOrName}/plugins</c>).</summary>
    public static PluginScope Route(string idOrName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrName);
        return new(PluginScopeKind.Route, idOrName);
    }

    /// <inheritdoc />
    public override string ToString() => Kind == PluginScopeKind.Global ? "global" : $"{Kind.ToString().ToLowerInvariant()}:{ParentIdOrName}";
}
