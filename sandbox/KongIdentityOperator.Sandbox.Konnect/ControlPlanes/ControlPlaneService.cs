using System.Collections.Immutable;
using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.ControlPlanes;

/// <summary>Control plane operations; names are unique (409); deleting one deletes its core entities.</summary>
internal sealed class ControlPlaneService(EmulatorStore store)
{
    public ControlPlane Create(ControlPlaneChanges changes)
    {
        lock (store.Gate)
        {
            EnsureUniqueName(changes.Name!, except: null);
            var now = store.Now;
            var entity = new ControlPlane(
                Guid.NewGuid(),
                store.NextSequence(),
                changes.Name!,
                changes.Description ?? "",
                changes.Labels ?? ImmutableDictionary<string, string>.Empty,
                changes.ClusterType ?? ControlPlaneRules.DefaultClusterType,
                changes.AuthType ?? "pinned_client_certs",
                changes.CloudGateway ?? false,
                changes.ProxyUrls ?? [],
                EmulatorStore.RandomAlphanumeric(10),
                now,
                now);
            store.ControlPlanes[entity.Id] = new ControlPlaneNode(entity);
            return entity;
        }
    }

    public ControlPlane Get(Guid id)
    {
        lock (store.Gate)
        {
            return Require(id).Entity;
        }
    }

    public IReadOnlyList<ControlPlane> List()
    {
        lock (store.Gate)
        {
            return store.ControlPlanes.Values.Select(n => n.Entity).OrderBy(c => c.Sequence).ToList();
        }
    }

    public ControlPlane Update(Guid id, ControlPlaneChanges changes)
    {
        lock (store.Gate)
        {
            var node = Require(id);
            if (changes.Name is not null)
            {
                EnsureUniqueName(changes.Name, except: id);
            }

            var current = node.Entity;
            node.Entity = current with
            {
                Name = changes.Name ?? current.Name,
                Description = changes.Description ?? current.Description,
                AuthType = changes.AuthType ?? current.AuthType,
                ProxyUrls = changes.ProxyUrls ?? current.ProxyUrls,
                Labels = changes.Labels ?? current.Labels,
                UpdatedAt = store.Now,
            };
            return node.Entity;
        }
    }

    public void Delete(Guid id)
    {
        lock (store.Gate)
        {
            Require(id);
            store.ControlPlanes.Remove(id);
        }
    }

    private ControlPlaneNode Require(Guid id) =>
        store.ControlPlanes.TryGetValue(id, out var node) ? node : throw ProblemException.NotFound("The requested control plane was not found.");

    private void EnsureUniqueName(string name, Guid? except)
    {
        if (store.ControlPlanes.Values.Any(n => n.Entity.Id != except && string.Equals(n.Entity.Name, name, StringComparison.Ordinal)))
        {
            throw ProblemException.Conflict("Control Plane with provided name already exists.");
        }
    }
}
