using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>Routes of a control plane: by id or name, unique names, the service must exist; deletion removes their plugins.</summary>
internal sealed class RouteOperations(EmulatorStore store)
{
    public IReadOnlyList<GatewayRoute> List(Guid controlPlaneId)
    {
        lock (store.Gate)
        {
            return store.RequireControlPlane(controlPlaneId, write: false).Routes.Values.OrderBy(r => r.Sequence).ToList();
        }
    }

    public GatewayRoute Get(Guid controlPlaneId, string idOrName)
    {
        lock (store.Gate)
        {
            return store.RequireControlPlane(controlPlaneId, write: false).RequireRoute(idOrName);
        }
    }

    public GatewayRoute Create(Guid controlPlaneId, RouteDraft draft)
    {
        lock (store.Gate)
        {
            var node = store.RequireControlPlane(controlPlaneId, write: true);
            if (node.Routes.ContainsKey(draft.Route.Id))
            {
                throw CoreEntityException.Unique("id", draft.Route.Id.ToString());
            }

            return Save(node, draft, existing: null);
        }
    }

    public GatewayRoute Upsert(Guid controlPlaneId, string idOrName, RouteDraft draft)
    {
        lock (store.Gate)
        {
            var node = store.RequireControlPlane(controlPlaneId, write: true);
            var existing = node.FindRoute(idOrName);
            if (!Guid.TryParseExact(idOrName, "D", out _))
            {
                draft = draft with { Route = draft.Route with { Id = existing?.Id ?? Guid.NewGuid(), Name = draft.Route.Name ?? idOrName } };
            }

            return Save(node, draft, existing);
        }
    }

    public void Delete(Guid controlPlaneId, string idOrName)
    {
        lock (store.Gate)
        {
            var node = store.RequireControlPlane(controlPlaneId, write: true);
            var route = node.FindRoute(idOrName);
            if (route is null)
            {
                return;
            }

            node.Routes.Remove(route.Id);
            foreach (var plugin in node.Plugins.Values.Where(p => p.RouteId == route.Id).ToList())
            {
                node.Plugins.Remove(plugin.Id);
            }
        }
    }

    private GatewayRoute Save(ControlPlaneNode node, RouteDraft draft, GatewayRoute? existing)
    {
        var route = draft.Route;
        if (route.Name is not null && node.Routes.Values.Any(r => r.Id != route.Id && r.Name == route.Name))
        {
            throw CoreEntityException.Unique("name", route.Name);
        }

        Guid? serviceId = null;
        if (draft.ServiceReference is not null)
        {
            serviceId = node.FindService(draft.ServiceReference)?.Id
                ?? throw CoreEntityException.Reference("service", $"invalid reference 'service: {draft.ServiceReference}' (no such entity)");
        }

        var now = store.Now;
        var saved = route with
        {
            ServiceId = serviceId,
            Sequence = existing?.Sequence ?? store.NextSequence(),
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
        };
        node.Routes[saved.Id] = saved;
        return saved;
    }
}
