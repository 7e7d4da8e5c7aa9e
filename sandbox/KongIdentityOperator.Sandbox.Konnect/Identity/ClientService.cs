using System.Collections.Immutable;
using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>
/// Client operations. POST generates id and secret; PUT upserts with a caller-chosen id and secret (201 created,
/// 200 replaced). Names are unique per auth server; creating counts against the clients-per-auth-server limit.
/// Whatever carries <c>client_secret</c> (POST, PUT, PATCH) cuts the client over to exactly one enabled secret with
/// that value. How real Konnect treats the secrets list there is unconfirmed; a cut-over means that after a PUT or
/// PATCH with a new secret no other value still gets tokens.
/// </summary>
internal sealed class ClientService(EmulatorStore store)
{
    private const int GeneratedIdLength = 20;

    private const int GeneratedSecretLength = 32;

    public static string NewSecret() => EmulatorStore.RandomAlphanumeric(GeneratedSecretLength, mixedCase: true);

    /// <summary>Creates a client; returns it with its (only-once) secret.</summary>
    public (Client Client, string Secret) Create(Guid authServerId, ClientChanges changes)
    {
        lock (store.Gate)
        {
            var node = store.RequireAuthServer(authServerId);
            var id = changes.Id ?? EmulatorStore.RandomAlphanumeric(GeneratedIdLength, mixedCase: true);
            if (node.Clients.ContainsKey(id))
            {
                throw ProblemException.Conflict($"Key (auth_server_id, client_id)=({authServerId}, {id}) already exists.");
            }

            var client = Build(node, id, changes, existing: null);
            store.EnsureRoomForClient(node);
            var clientNode = new ClientNode(client);
            var secret = changes.ClientSecret ?? NewSecret();
            CutOver(clientNode, secret);
            node.Clients[id] = clientNode;
            return (client, secret);
        }
    }

    public Client Get(Guid authServerId, string clientId)
    {
        lock (store.Gate)
        {
            return store.RequireAuthServer(authServerId).RequireClient(clientId).Entity;
        }
    }

    public IReadOnlyList<Client> List(Guid authServerId)
    {
        lock (store.Gate)
        {
            return store.RequireAuthServer(authServerId).Clients.Values.Select(c => c.Entity).OrderBy(c => c.Sequence).ToList();
        }
    }

    public Client Patch(Guid authServerId, string clientId, ClientChanges changes)
    {
        lock (store.Gate)
        {
            var node = store.RequireAuthServer(authServerId);
            var clientNode = node.RequireClient(clientId);
            clientNode.Entity = Build(node, clientId, changes, clientNode.Entity);
            if (changes.ClientSecret is not null)
            {
                CutOver(clientNode, changes.ClientSecret);
            }

            return clientNode.Entity;
        }
    }

    /// <summary>PUT: replaces every field (omitted ones fall back to defaults) or creates the client with this id.</summary>
    public (Client Client, bool Created) Replace(Guid authServerId, string clientId, ClientChanges changes)
    {
        lock (store.Gate)
        {
            var node = store.RequireAuthServer(authServerId);
            var created = !node.Clients.TryGetValue(clientId, out var clientNode);
            var client = Build(node, clientId, changes, existing: null);
            if (clientNode is null)
            {
                store.EnsureRoomForClient(node);
                clientNode = new ClientNode(client);
                node.Clients[clientId] = clientNode;
            }
            else
            {
                clientNode.Entity = client with { Sequence = clientNode.Entity.Sequence, CreatedAt = clientNode.Entity.CreatedAt };
            }

            CutOver(clientNode, changes.ClientSecret!);
            return (clientNode.Entity, created);
        }
    }

    public void Delete(Guid authServerId, string clientId)
    {
        lock (store.Gate)
        {
            var node = store.RequireAuthServer(authServerId);
            node.RequireClient(clientId);
            node.Clients.Remove(clientId);
        }
    }

    private void CutOver(ClientNode clientNode, string value) => clientNode.CutOverTo(value, store.NextSequence(), store.Now);

    /// <summary>Applies changes over <paramref name="existing"/> (or defaults), checking name uniqueness and scope references.</summary>
    private Client Build(AuthServerNode node, string id, ClientChanges changes, Client? existing)
    {
        var name = changes.Name ?? existing?.Name;
        if (name is not null && node.Clients.Values.Any(c => c.Entity.Id != id && string.Equals(c.Entity.Name, name, StringComparison.Ordinal)))
        {
            throw ProblemException.Conflict($"Key (auth_server_id, name)=({node.Entity.Id}, {name}) already exists.");
        }

        var missing = node.MissingScopes("allow_scopes", changes.AllowScopes ?? []);
        if (missing.Count > 0)
        {
            throw ProblemException.BadRequest("Client references scopes that do not exist", missing);
        }

        var now = store.Now;
        var labels = existing?.Labels ?? ImmutableDictionary<string, string>.Empty;
        return new Client(
            id,
            existing?.Sequence ?? store.NextSequence(),
            name!,
            changes.GrantTypes ?? existing?.GrantTypes ?? [],
            changes.ResponseTypes ?? existing?.ResponseTypes ?? [],
            changes.RedirectUris ?? existing?.RedirectUris ?? [],
            changes.HasLoginUri ? changes.LoginUri : existing?.LoginUri,
            changes.AccessTokenDuration ?? existing?.AccessTokenDuration ?? IdentityRules.DefaultTokenDuration,
            changes.IdTokenDuration ?? existing?.IdTokenDuration ?? IdentityRules.DefaultTokenDuration,
            changes.AllowAllScopes ?? existing?.AllowAllScopes ?? false,
            changes.AllowScopes ?? existing?.AllowScopes ?? [],
            changes.Labels?.ApplyTo(labels) ?? labels,
            changes.TokenEndpointAuthMethod ?? existing?.TokenEndpointAuthMethod ?? "client_secret_post",
            existing?.CreatedAt ?? now,
            now);
    }
}
