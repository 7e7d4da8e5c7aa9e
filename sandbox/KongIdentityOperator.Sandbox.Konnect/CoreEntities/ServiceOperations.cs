using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>Gateway services of a control plane: by id or name, unique names, deletion blocked while routes use them.</summary>
internal sealed class ServiceOperations(EmulatorStore store)
{
    public IReadOnlyList<GatewayService> List(Guid controlPlaneId)
    {
        lock (store.Gate)
        {
            return store.RequireControlPlane(controlPlaneId, write: false).Services.Values.OrderBy(s => s.Sequence).ToList();
        }
    }

    public GatewayService Get(Guid controlPlaneId, string idOrName)
    {
        lock (store.Gate)
        {
            return store.RequireControlPlane(controlPlaneId, write: false).RequireService(idOrName);
        }
    }

    public GatewayService Create(Guid controlPlaneId, GatewayService draft)
    {
        lock (store.Gate)
        {
            var node = store.RequireControlPlane(controlPlaneId, write: true);
            if (node.Services.ContainsKey(draft.Id))
            {
                throw CoreEntityException.Unique("id", draft.Id.ToString());
            }

            return Save(node, draft, existing: null);
        }
    }

    /// <summary>PUT by id or name: replaces the service found, or creates it.</summary>
    public GatewayService Upsert(Guid controlPlaneId, string idOrName, GatewayService draft)
    {
        lock (store.Gate)
        {
            var node = store.RequireControlPlane(controlPlaneId, write: true);
            var existing = node.FindService(idOrName);
            var byName = !Guid.TryParseExact(idOrName, "D", out _);
            if (byName)
            {
                draft = draft with { Id = existing?.Id ?? Guid.NewGuid(), Name = draft.Name ?? idOrName };
            }

            return Save(node, draft, existing);
        }
    }

    public void Delete(Guid controlPlaneId, string idOrName)
    {
        lock (store.Gate)
        {
            var node = store.RequireControlPlane(controlPlaneId, write: true);
            var service = node.FindService(idOrName);
            if (service is null)
            {
                return;
            }

            if (node.Routes.Values.Any(r => r.ServiceId == service.Id))
            {
                throw CoreEntityException.Reference("service", "an existing 'routes' entity references this 'services' entity");
            }

            node.Services.Remove(service.Id);
            foreach (var plugin in node.Plugins.Values.Where(p => p.ServiceId == service.Id).ToList())
            {
                node.Plugins.Remove(plugin.Id);
            }
        }
    }

    private GatewayService Save(ControlPlaneNode node, GatewayService draft, GatewayService? existing)
    {
        if (draft.Name is not null && node.Services.Values.Any(s => s.Id != draft.Id && s.Name == draft.Name))
        {
            throw CoreEntityException.Unique("name", draft.Name);
        }

        var now = store.Now;
        var saved = draft with
        {
            Sequence = existing?.Sequence ?? store.NextSequence(),
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
        };
        node.Services[saved.Id] = saved;
        return saved;
    }
}
