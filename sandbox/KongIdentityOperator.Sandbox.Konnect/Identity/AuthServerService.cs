using System.Collections.Immutable;
using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.Issuer;
using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>
/// Auth server operations: names are unique per organization (409); at most <see cref="KonnectEmulatorLimits.MaxAuthServers"/>
/// exist at once (403); delete needs <c>force</c> when children exist.
/// </summary>
internal sealed class AuthServerService(EmulatorStore store)
{
    private const int IssuerKeyLength = 16;

    public AuthServer Create(AuthServerChanges changes)
    {
        lock (store.Gate)
        {
            EnsureUniqueName(changes.Name!, except: null);
            store.EnsureRoomForAuthServer();
            var issuerKey = EmulatorStore.RandomAlphanumeric(IssuerKeyLength);
            var now = store.Now;
            var entity = new AuthServer(
                Guid.NewGuid(),
                store.NextSequence(),
                changes.Name!,
                changes.Description ?? "",
                changes.Audience!,
                changes.SigningAlgorithm ?? "RS256",
                changes.Labels?.ApplyTo(ImmutableDictionary<string, string>.Empty) ?? ImmutableDictionary<string, string>.Empty,
                changes.TrustedOrigins ?? [],
                issuerKey,
                now,
                now);
            store.AuthServers[entity.Id] = new AuthServerNode(entity, new SigningKey());
            store.IssuerKeys[issuerKey] = entity.Id;
            return entity;
        }
    }

    public AuthServer Get(Guid id)
    {
        lock (store.Gate)
        {
            return store.RequireAuthServer(id).Entity;
        }
    }

    public IReadOnlyList<AuthServer> List()
    {
        lock (store.Gate)
        {
            return store.AuthServers.Values.Select(n => n.Entity).OrderBy(e => e.Sequence).ToList();
        }
    }

    public AuthServer Update(Guid id, AuthServerChanges changes)
    {
        lock (store.Gate)
        {
            var node = store.RequireAuthServer(id);
            if (changes.Name is not null)
            {
                EnsureUniqueName(changes.Name, except: id);
            }

            var current = node.Entity;
            node.Entity = current with
            {
                Name = changes.Name ?? current.Name,
                Description = changes.Description ?? current.Description,
                Audience = changes.Audience ?? current.Audience,
                SigningAlgorithm = changes.SigningAlgorithm ?? current.SigningAlgorithm,
                Labels = changes.Labels?.ApplyTo(current.Labels) ?? current.Labels,
                TrustedOrigins = changes.TrustedOrigins ?? current.TrustedOrigins,
                UpdatedAt = store.Now,
            };
            return node.Entity;
        }
    }

    public void Delete(Guid id, bool force)
    {
        lock (store.Gate)
        {
            var node = store.RequireAuthServer(id);
            if (!force && (node.Scopes.Count > 0 || node.Claims.Count > 0 || node.Clients.Count > 0))
            {
                var detail = $"Auth server has associated resources ({node.Clients.Count} clients, {node.Scopes.Count} scopes, "
                    + $"{node.Claims.Count} claims); delete them first or use force=true";
                throw ProblemException.BadRequest(detail, [new InvalidParameter("force", "invalid", detail) { Source = "query" }]);
            }

            store.AuthServers.Remove(id);
            store.IssuerKeys.Remove(node.Entity.IssuerKey);
        }
    }

    private void EnsureUniqueName(string name, Guid? except)
    {
        if (store.AuthServers.Values.Any(n => n.Entity.Id != except && string.Equals(n.Entity.Name, name, StringComparison.Ordinal)))
        {
            throw ProblemException.Conflict($"Key (org_id, name)=({store.OrganizationId}, {name}) already exists.");
        }
    }
}
