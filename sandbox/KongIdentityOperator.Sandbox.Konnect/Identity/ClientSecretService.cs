using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>
/// The secrets sub-resource. POST adds a secret (403 beyond the enabled-secret limit), PATCH only toggles
/// <c>enabled</c> (400 when enabling would pass the limit), DELETE removes one (the last one too: the client then
/// cannot get tokens). Setting <c>client_secret</c> on the client itself is a cut-over, see <see cref="ClientService"/>.
/// </summary>
internal sealed class ClientSecretService(EmulatorStore store)
{
    public IReadOnlyList<ClientSecret> List(Guid authServerId, string clientId)
    {
        lock (store.Gate)
        {
            return store.RequireAuthServer(authServerId).RequireClient(clientId).OrderedSecrets.ToList();
        }
    }

    public ClientSecret Get(Guid authServerId, string clientId, Guid secretId)
    {
        lock (store.Gate)
        {
            return Require(store.RequireAuthServer(authServerId).RequireClient(clientId), secretId);
        }
    }

    /// <summary>Adds a secret (generated when <paramref name="value"/> is null); the returned record carries the value once.</summary>
    public ClientSecret Create(Guid authServerId, string clientId, string? value, bool enabled)
    {
        lock (store.Gate)
        {
            var client = store.RequireAuthServer(authServerId).RequireClient(clientId);
            if (enabled)
            {
                store.EnsureRoomForEnabledSecret(client);
            }

            var now = store.Now;
            var secret = new ClientSecret(Guid.NewGuid(), store.NextSequence(), value ?? ClientService.NewSecret(), enabled, now, now);
            client.Secrets.Add(secret);
            return secret;
        }
    }

    public ClientSecret Update(Guid authServerId, string clientId, Guid secretId, bool? enabled)
    {
        lock (store.Gate)
        {
            var client = store.RequireAuthServer(authServerId).RequireClient(clientId);
            var current = Require(client, secretId);
            if (enabled == true && !current.Enabled)
            {
                store.EnsureRoomToEnableSecret(client);
            }

            var updated = current with { Enabled = enabled ?? current.Enabled, UpdatedAt = store.Now };
            client.Secrets[client.Secrets.IndexOf(current)] = updated;
            return updated;
        }
    }

    public void Delete(Guid authServerId, string clientId, Guid secretId)
    {
        lock (store.Gate)
        {
            var client = store.RequireAuthServer(authServerId).RequireClient(clientId);
            client.Secrets.Remove(Require(client, secretId));
        }
    }

    private static ClientSecret Require(ClientNode client, Guid secretId) =>
        client.Secrets.Find(s => s.Id == secretId) ?? throw ProblemException.NotFound("Client secret not found");
}
