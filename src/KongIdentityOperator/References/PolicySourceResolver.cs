using k8s.Models;
using KongIdentityOperator.Connections;
using KongIdentityOperator.Credentials;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Secrets;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.References;

/// <summary>
/// Resolves a policy's Client (Ready, with its credentials Secret), that Client's AuthServer (token endpoint, and the
/// default Konnect connection), and its Scope refs — all same-namespace, from the caches.
/// </summary>
internal sealed class PolicySourceResolver(
    IEntityCache<Client> clients,
    IEntityCache<AuthServer> authServers,
    IEntityCache<V1Secret> secrets,
    ScopeResolver scopes,
    KonnectConnectionResolver connections)
{
    public Resolution<PolicySources> Resolve(UpstreamOAuthPolicy policy)
    {
        var ns = policy.Metadata.NamespaceProperty;
        var clientName = policy.Spec.ClientRef.Name;
        var client = clients.Get(ns, clientName);
        if (client is null || client.Metadata.DeletionTimestamp is not null)
        {
            return Failed(Waiting($"Waiting for Client {clientName} (spec.clientRef) to exist."));
        }

        if (!ReadyCheck.IsReady(client.Status) || client.Status.SecretName is null)
        {
            return Failed(Waiting($"Waiting for Client {clientName} to be ready{ReadyCheck.NotReadyDetail(client.Status)}"));
        }

        var authServer = authServers.Get(ns, client.Spec.AuthServerRef.Name);
        if (authServer?.Status.TokenEndpoint is null)
        {
            return Failed(Waiting($"Waiting for AuthServer {client.Spec.AuthServerRef.Name} of Client {clientName}."));
        }

        // Only the Secret the Client owns: the gateway must never be handed the contents of another Secret.
        var secret = secrets.Get(ns, client.Status.SecretName) is { } candidate && CredentialsSecret.IsOwnedBy(candidate, client) ? candidate : null;
        var keys = SecretKeyNames.For(client);
        var clientId = secret is null ? null : SecretData.Read(secret, keys.ClientId);
        var clientSecret = secret is null ? null : SecretData.Read(secret, keys.ClientSecret);
        var version = secret?.Metadata?.Annotations?.TryGetValue(CredentialAnnotations.SecretVersion, out var v) == true ? v : null;
        if (clientId is null || clientSecret is null || version is null)
        {
            return Failed(Waiting($"Waiting for the credentials of Client {clientName} in Secret {client.Status.SecretName}."));
        }

        // A secret the Client has not registered in Konnect yet (a heal in progress) is not handed to the gateway: the
        // plugin keeps the one it has, which stays valid until the Client's status says the new one is there.
        if (version != client.Status.SecretVersion)
        {
            return Failed(Waiting($"Waiting for Client {clientName} to register the client secret in Secret {client.Status.SecretName} in Konnect."));
        }

        if (!scopes.Resolve(ns, policy.Spec.Scopes, client.Spec.AuthServerRef.Name, authServer.Status.Id).TryGet(out var resolvedScopes, out var scopeProblem))
        {
            return Failed(scopeProblem);
        }

        var tokenEndpoint = authServer.Status.TokenEndpoint;
        return connections.Resolve(ns, policy.Spec.Konnect ?? authServer.Spec.Konnect)
            .Map(connection => new PolicySources(connection, clientId, clientSecret, version, tokenEndpoint, resolvedScopes.Names));
    }

    /// <summary>For cleanup: the connection to delete the plugin with (the policy's own, else that of its Client's AuthServer).</summary>
    public Resolution<KonnectConnection> ResolveConnection(UpstreamOAuthPolicy policy)
    {
        var ns = policy.Metadata.NamespaceProperty;
        if (policy.Spec.Konnect is { } own)
        {
            return connections.Resolve(ns, own);
        }

        var client = clients.Get(ns, policy.Spec.ClientRef.Name);
        var authServer = client is null ? null : authServers.Get(ns, client.Spec.AuthServerRef.Name);
        return authServer is null
            ? Resolution<KonnectConnection>.Failed(ReconcileOutcome.Progressing(ConditionReasons.Deleting, $"Client {policy.Spec.ClientRef.Name} or its AuthServer is gone, and with it the Konnect connection; set spec.konnect."))
            : connections.Resolve(ns, authServer.Spec.Konnect);
    }

    private static Resolution<PolicySources> Failed(ReconcileOutcome problem) => Resolution<PolicySources>.Failed(problem);

    private static ReconcileOutcome Waiting(string message) => ReconcileOutcome.Progressing(ConditionReasons.WaitingForRef, message);
}
