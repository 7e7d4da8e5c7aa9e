using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>
/// Plugins at global, service or route scope. One plugin of a name per scope, unique <c>instance_name</c>;
/// PUT upserts by id; DELETE succeeds even when the plugin is already gone.
/// </summary>
internal sealed class PluginOperations(EmulatorStore store)
{
    public IReadOnlyList<Plugin> List(Guid controlPlaneId, PluginParent? parent)
    {
        lock (store.Gate)
        {
            var node = store.RequireControlPlane(controlPlaneId, write: false);
            var parentId = ResolveParent(node, parent);
            return node.Plugins.Values.Where(p => InParent(p, parent, parentId)).OrderBy(p => p.Sequence).ToList();
        }
    }

    public Plugin Get(Guid controlPlaneId, PluginParent? parent, Guid pluginId)
    {
        lock (store.Gate)
        {
            var node = store.RequireControlPlane(controlPlaneId, write: false);
            var parentId = ResolveParent(node, parent);
            return node.Plugins.TryGetValue(pluginId, out var plugin) && InParent(plugin, parent, parentId)
                ? plugin
                : throw CoreEntityException.NotFound();
        }
    }

    public Plugin Create(Guid controlPlaneId, PluginParent? parent, Plugin draft)
    {
        lock (store.Gate)
        {
            var node = store.RequireControlPlane(controlPlaneId, write: true);
            if (node.Plugins.ContainsKey(draft.Id))
            {
                throw CoreEntityException.Unique("id", draft.Id.ToString());
            }

            return Save(node, parent, draft, existing: null);
        }
    }

    /// <summary>PUT: replaces the plugin with this id, or creates it.</summary>
    public Plugin Upsert(Guid controlPlaneId, PluginParent? parent, Plugin draft)
    {
        lock (store.Gate)
        {
            var node = store.RequireControlPlane(controlPlaneId, write: true);
            return Save(node, parent, draft, node.Plugins.GetValueOrDefault(draft.Id));
        }
    }

    public void Delete(Guid controlPlaneId, PluginParent? parent, Guid pluginId)
    {
        lock (store.Gate)
        {
            var node = store.RequireControlPlane(controlPlaneId, write: true);
            var parentId = ResolveParent(node, parent);
            if (node.Plugins.TryGetValue(pluginId, out var plugin) && InParent(plugin, parent, parentId))
            {
                node.Plugins.Remove(pluginId);
            }
        }
    }

    private static Guid? ResolveParent(ControlPlaneNode node, PluginParent? parent) => parent?.Kind switch
    {
        PluginParentKind.Service => node.RequireService(parent.IdOrName).Id,
        PluginParentKind.Route => node.RequireRoute(parent.IdOrName).Id,
        _ => null,
    };

    private static bool InParent(Plugin plugin, PluginParent? parent, Guid? parentId) => parent?.Kind switch
    {
        PluginParentKind.Service => plugin.ServiceId == parentId,
        PluginParentKind.Route => plugin.RouteId == parentId,
        _ => true,
    };

    private Plugin Save(ControlPlaneNode node, PluginParent? parent, Plugin draft, Plugin? existing)
    {
        var parentId = ResolveParent(node, parent);
        var plugin = parent?.Kind switch
        {
            PluginParentKind.Service => draft with { ServiceId = parentId },
            PluginParentKind.Route => draft with { RouteId = parentId },
            _ => draft,
        };
        if (plugin.ServiceId is { } serviceId && !node.Services.ContainsKey(serviceId))
        {
            throw CoreEntityException.Reference("service", $"invalid reference 'service: {serviceId}' (no such entity)");
        }

        if (plugin.RouteId is { } routeId && !node.Routes.ContainsKey(routeId))
        {
            throw CoreEntityException.Reference("route", $"invalid reference 'route: {routeId}' (no such entity)");
        }

        var others = node.Plugins.Values.Where(p => p.Id != plugin.Id).ToList();
        if (others.Any(p => p.Name == plugin.Name && p.SameScopeAs(plugin)))
        {
            throw CoreEntityException.Unique("name", plugin.Name);
        }

        if (plugin.InstanceName is not null && others.Any(p => p.InstanceName == plugin.InstanceName))
        {
            throw CoreEntityException.Unique("instance_name", plugin.InstanceName);
        }

        var now = store.Now;
        var saved = plugin with
        {
            Sequence = existing?.Sequence ?? store.NextSequence(),
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
        };
        node.Plugins[saved.Id] = saved;
        return saved;
    }
}
