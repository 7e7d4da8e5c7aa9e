using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>
/// Checks of the documented Kong Identity limits (<see cref="KonnectEmulatorLimits"/>) before something new is
/// created. Replacing an existing object never counts. Call with the store's gate held.
/// </summary>
internal static class IdentityLimits
{
    public static void EnsureRoomForAuthServer(this EmulatorStore store)
    {
        var max = store.Limits.MaxAuthServers;
        if (store.AuthServers.Count >= max)
        {
            throw ProblemException.LimitExceeded($"an organization can have at most {max} auth servers per region");
        }
    }

    public static void EnsureRoomForClient(this EmulatorStore store, AuthServerNode node)
    {
        var max = store.Limits.MaxClientsPerAuthServer;
        if (node.Clients.Count >= max)
        {
            throw ProblemException.LimitExceeded($"an auth server can have at most {max} clients; delete one first");
        }
    }

    /// <summary>POST …/secrets of an enabled secret: 403 when the client already has the most enabled secrets.</summary>
    public static void EnsureRoomForEnabledSecret(this EmulatorStore store, ClientNode client)
    {
        if (client.EnabledSecretCount >= store.Limits.MaxEnabledSecretsPerClient)
        {
            throw ProblemException.LimitExceeded(EnabledSecretsLimit(store) + "; disable or delete one first");
        }
    }

    /// <summary>PATCH …/secrets/{id} enabling a secret: 400 on <c>enabled</c> when the client already has the most enabled secrets.</summary>
    public static void EnsureRoomToEnableSecret(this EmulatorStore store, ClientNode client)
    {
        if (client.EnabledSecretCount >= store.Limits.MaxEnabledSecretsPerClient)
        {
            var reason = EnabledSecretsLimit(store);
            throw ProblemException.BadRequest(
                $"{ProblemException.LimitExceededPrefix}{reason}; disable or delete one first",
                [new InvalidParameter("enabled", "invalid", $"limit exceeded: {reason}")]);
        }
    }

    private static string EnabledSecretsLimit(EmulatorStore store) =>
        $"a client can have at most {store.Limits.MaxEnabledSecretsPerClient} enabled secrets";
}
