using System.Text;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Conditions;

namespace KongIdentityOperator.Benchmarks;

/// <summary>Objects shaped like the ones the operator handles thousands of: a Ready Client and its credentials Secret.</summary>
internal static class Samples
{
    public static Client ReadyClient(int index = 0)
    {
        var client = new Client
        {
            Metadata = new V1ObjectMeta
            {
                Name = $"client-{index:D5}",
                NamespaceProperty = "bench",
                Uid = Guid.NewGuid().ToString(),
                ResourceVersion = "123456",
                Generation = 1,
                CreationTimestamp = DateTime.UtcNow,
                Finalizers = ["identity.konghq.com/cleanup"],
            },
            Spec = new ClientSpec
            {
                AuthServerRef = new LocalObjectReference { Name = "bench" },
                AllowScopes = [new LocalObjectReference { Name = "scope-1" }],
                AccessTokenDurationSeconds = 3600,
                GrantTypes = [GrantType.ClientCredentials],
                ResponseTypes = [ResponseType.Token],
            },
        };
        var now = DateTimeOffset.UtcNow;
        client.Status.ObservedGeneration = 1;
        client.Status.Id = $"bench-client-{index:D5}";
        client.Status.AuthServerId = Guid.NewGuid().ToString();
        client.Status.SecretName = $"client-{index:D5}-credentials";
        client.Status.SecretVersion = "v1-abcdef";
        client.Status.SecretRotatedAt = now.UtcDateTime;
        client.Status.Conditions.Set("Ready", "True", "Ready", "Client is ready; credentials are in the Secret.", 1, now);
        client.Status.Conditions.Set("Reconciling", "False", "Ready", "Client is ready.", 1, now);
        client.Status.Conditions.Set("Stalled", "False", "Ready", "Client is ready.", 1, now);
        client.Status.Conditions.Set("ResolvedRefs", "True", "Resolved", "All references resolved.", 1, now);
        client.Status.Conditions.Set("SecretReady", "True", "Written", "Credentials are in the Secret.", 1, now);
        return client;
    }

    public static V1Secret CredentialsSecret(int index = 0) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta
        {
            Name = $"client-{index:D5}-credentials",
            NamespaceProperty = "bench",
            ResourceVersion = "123457",
            Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "kong-identity-operator" },
            Annotations = new Dictionary<string, string> { ["identity.konghq.com/secret-version"] = "v1-abcdef" },
        },
        Data = new Dictionary<string, byte[]>
        {
            ["client_id"] = Encoding.UTF8.GetBytes($"bench-client-{index:D5}"),
            ["client_secret"] = new byte[43],
            ["issuer"] = Encoding.UTF8.GetBytes("https://abc.us.identity.konghq.com/auth"),
            ["token_endpoint"] = Encoding.UTF8.GetBytes("https://abc.us.identity.konghq.com/auth/oauth/token"),
            ["scopes"] = Encoding.UTF8.GetBytes("scope-1"),
            ["audience"] = Encoding.UTF8.GetBytes("http://bench.example.internal"),
        },
    };
}
