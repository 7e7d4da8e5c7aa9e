using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>Scope operations: names unique per auth server (409); deleting a scope unlinks it from clients and claims.</summary>
internal sealed class ScopeService(EmulatorStore store)
{
    public Scope Create(Guid authServerId, ScopeChanges changes)
    {
        lock (store.Gate)
        {
            var node = store.RequireAuthServer(authServerId);
            EnsureUniqueName(node, changes.Name!, except: null);
            var now = store.Now;
            var scope = new Scope(
                Guid.NewGuid(),
                store.NextSequence(),
                changes.Name!,
                changes.Description ?? "",
                changes.Default ?? false,
                changes.IncludeInMetadata ?? false,
                changes.Enabled ?? true,
                now,
                now);
            node.Scopes[scope.Id] = scope;
            return scope;
        }
    }

    public Scope Get(Guid authServerId, Guid scopeId)
    {
        lock (store.Gate)
        {
            return store.RequireAuthServer(authServerId).RequireScope(scopeId);
        }
    }

    public IReadOnlyList<Scope> List(Guid authServerId)
    {
        lock (store.Gate)
        {
            return store.RequireAuthServer(authServerId).Scopes.Values.OrderBy(s => s.Sequence).ToList();
        }
    }

    public Scope Update(Guid authServerId, Guid scopeId, ScopeChanges changes)
    {
        lock (store.Gate)
        {
            var node = store.RequireAuthServer(authServerId);
            var current = node.RequireScope(scopeId);
            if (changes.Name is not null)
            {
                EnsureUniqueName(node, changes.Name, except: scopeId);
            }

            var updated = current with
            {
                Name = changes.Name ?? current.Name,
                Description = changes.Description ?? current.Description,
                Default = changes.Default ?? current.Default,
                IncludeInMetadata = changes.IncludeInMetadata ?? current.IncludeInMetadata,
                Enabled = changes.Enabled ?? current.Enabled,
                UpdatedAt = store.Now,
            };
            node.Scopes[scopeId] = updated;
            return updated;
        }
    }

    public void Delete(Guid authServerId, Guid scopeId)
    {
        lock (store.Gate)
        {
            var node = store.RequireAuthServer(authServerId);
            node.RequireScope(scopeId);
            node.Scopes.Remove(scopeId);
            var now = store.Now;
            foreach (var client in node.Clients.Values.Where(c => c.Entity.AllowScopes.Contains(scopeId)))
            {
                client.Entity = client.Entity with { AllowScopes = client.Entity.AllowScopes.Remove(scopeId), UpdatedAt = now };
            }

            foreach (var claim in node.Claims.Values.Where(c => c.IncludeInScopes.Contains(scopeId)).ToList())
            {
                node.Claims[claim.Id] = claim with { IncludeInScopes = claim.IncludeInScopes.Remove(scopeId), UpdatedAt = now };
            }
        }
    }

    private static void EnsureUniqueName(AuthServerNode node, string name, Guid? except)
    {
        if (node.Scopes.Values.Any(s => s.Id != except && string.Equals(s.Name, name, StringComparison.Ordinal)))
        {
            throw ProblemException.Conflict($"Key (auth_server_id, name)=({node.Entity.Id}, {name}) already exists.");
        }
    }
}
