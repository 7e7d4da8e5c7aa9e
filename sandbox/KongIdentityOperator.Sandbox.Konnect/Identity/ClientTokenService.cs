using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>The tokens a client was issued (list, get, revoke). Revocation only matters where introspection is used.</summary>
internal sealed class ClientTokenService(EmulatorStore store)
{
    public void Record(Guid authServerId, string clientId, IssuedToken token)
    {
        lock (store.Gate)
        {
            if (!store.AuthServers.TryGetValue(authServerId, out var node) || !node.Clients.TryGetValue(clientId, out var client))
            {
                return;
            }

            client.Tokens.AddLast(token);
            if (client.Tokens.Count > ClientNode.MaxTokens)
            {
                client.Tokens.RemoveFirst();
            }
        }
    }

    public IReadOnlyList<IssuedToken> List(Guid authServerId, string clientId)
    {
        lock (store.Gate)
        {
            return store.RequireAuthServer(authServerId).RequireClient(clientId).Tokens.ToList();
        }
    }

    public IssuedToken Get(Guid authServerId, string clientId, Guid tokenId)
    {
        lock (store.Gate)
        {
            return store.RequireAuthServer(authServerId).RequireClient(clientId).Tokens.FirstOrDefault(t => t.Id == tokenId)
                ?? throw ProblemException.NotFound("Token not found");
        }
    }

    public void Delete(Guid authServerId, string clientId, Guid? tokenId)
    {
        lock (store.Gate)
        {
            var client = store.RequireAuthServer(authServerId).RequireClient(clientId);
            if (tokenId is null)
            {
                client.Tokens.Clear();
                return;
            }

            var token = client.Tokens.FirstOrDefault(t => t.Id == tokenId) ?? throw ProblemException.NotFound("Token not found");
            client.Tokens.Remove(token);
        }
    }
}
