using System.Text.Json.Nodes;
using KongIdentityOperator.Chaos.Harness;

namespace KongIdentityOperator.Chaos.BadInput;

/// <summary>
/// Manifests the schema cannot refuse (they need the cluster or Konnect to be judged): wrong and missing tokens,
/// missing keys, dangling and cross-namespace references, a Secret name taken by someone else, names and ids taken in
/// Konnect, control planes and services that do not exist, a rotation period under the minimum.
/// </summary>
internal static class StalledCases
{
    private const string Ref = "authServerRef: {name: issuer}";

    public static IReadOnlyList<StalledCase> All { get; } =
    [
        new(
            "AuthServer whose token Secret holds a revoked token",
            "authservers", "issuer", "Stalled", "True", "Unauthorized", "token",
            async c =>
            {
                c.AttributionToken = "kpat_revoked_" + c.Token[^12..];
                await c.SecretAsync("revoked-token", new Dictionary<string, string> { ["token"] = c.AttributionToken });
            },
            _ => Manifest.Of("AuthServer", "issuer", "{audience: aud, konnect: {tokenSecretRef: {name: revoked-token}}}"),
            NoKonnectCalls: false),
        new(
            "AuthServer whose token Secret lacks the named key",
            "authservers", "issuer", "Stalled", "True", "SecretKeyMissing", "has no non-empty key 'apiToken'",
            _ => Task.CompletedTask,
            _ => Manifest.Of("AuthServer", "issuer", "{audience: aud, konnect: {tokenSecretRef: {name: konnect-token, key: apiToken}}}"),
            NoKonnectCalls: true),
        new(
            "AuthServer whose token Secret does not exist (dangling)",
            "authservers", "issuer", "ResolvedRefs", "False", "WaitingForRef", "Waiting for Secret absent-token",
            _ => Task.CompletedTask,
            _ => Manifest.Of("AuthServer", "issuer", "{audience: aud, konnect: {tokenSecretRef: {name: absent-token}}}"),
            NoKonnectCalls: true),
        new(
            "AuthServer without a Konnect token in a namespace not granted the default one",
            "authservers", "issuer", "Stalled", "True", "DefaultTokenNotAllowed", "may not use the operator's default Konnect token",
            _ => Task.CompletedTask,
            _ => Manifest.Of("AuthServer", "issuer", "{audience: aud}"),
            NoKonnectCalls: true),
        new(
            "AuthServer adopting an id that is not in Konnect",
            "authservers", "issuer", "Stalled", "True", "InvalidSpec", "no such auth server",
            _ => Task.CompletedTask,
            _ => Manifest.Of("AuthServer", "issuer", "{audience: aud, adopt: {id: 0f1e2d3c-4b5a-4969-8877-665544332211}, konnect: {tokenSecretRef: {name: konnect-token}}}"),
            NoKonnectCalls: false),
        new(
            "AuthServer whose display name is taken in Konnect by an auth server it did not create",
            "authservers", "issuer", "Stalled", "True", "NameConflict", "already exists",
            async c => await c.KonnectAsync(HttpMethod.Post, "v1/auth-servers", new { name = "Taken " + c.Namespace, audience = "https://someone.example.com" }, c.Token),
            c => Manifest.Of("AuthServer", "issuer", $"{{displayName: \"Taken {c.Namespace}\", audience: aud, konnect: {{tokenSecretRef: {{name: konnect-token}}}}}}"),
            NoKonnectCalls: false,
            Verify: async c =>
            {
                var theirs = c.Sandbox.Konnect.Snapshot().AuthServers.Where(a => a.Name == "Taken " + c.Namespace).ToList();
                return theirs.Count == 1 && theirs[0].Audience == "https://someone.example.com" && !theirs[0].Labels.ContainsKey("k8s-uid")
                    ? []
                    : [$"the foreign auth server was changed or duplicated: {theirs.Count} of that name"];
            }),
        new(
            "AuthServer naming a token Secret that exists only in another namespace",
            "authservers", "issuer", "ResolvedRefs", "False", "WaitingForRef", "Waiting for Secret shared-token",
            c => c.SecretAsync("shared-token", new Dictionary<string, string> { ["token"] = c.OtherToken }, c.OtherNamespace),
            _ => Manifest.Of("AuthServer", "issuer", "{audience: aud, konnect: {tokenSecretRef: {name: shared-token}}}"),
            NoKonnectCalls: true,
            Verify: c => Task.FromResult<IReadOnlyList<string>>(
                c.Notes.TryGetValue("other-token-calls", out var calls) && calls != "0" ? [$"the other namespace's token was used for {calls} calls"] : [])),
        new(
            "Scope whose AuthServer does not exist (dangling)",
            "scopes", "read", "ResolvedRefs", "False", "WaitingForRef", "Waiting for AuthServer nowhere",
            _ => Task.CompletedTask,
            _ => Manifest.Of("Scope", "read", "{authServerRef: {name: nowhere}}"),
            NoKonnectCalls: true),
        new(
            "Scope referring to an AuthServer of another namespace (the namespace field is pruned)",
            "scopes", "read", "ResolvedRefs", "False", "WaitingForRef", "Waiting for AuthServer issuer",
            c => c.ReadyAuthServerAsync("issuer", c.OtherNamespace),
            c => Manifest.Of("Scope", "read", $"{{authServerRef: {{name: issuer, namespace: {c.OtherNamespace}}}}}"),
            NoKonnectCalls: true,
            Verify: async c =>
            {
                var stored = JsonNode.Parse((await c.ReadAsync($"apis/identity.konghq.com/v1alpha1/namespaces/{c.Namespace}/scopes/read"))!)!;
                var problems = new List<string>();
                if (stored["spec"]!["authServerRef"]!.AsObject().ContainsKey("namespace"))
                {
                    problems.Add("spec.authServerRef.namespace was stored, not pruned");
                }

                if (c.Notes.TryGetValue("other-token-calls", out var calls) && calls != "0")
                {
                    problems.Add($"the other namespace's AuthServer was called {calls} times for this Scope");
                }

                return problems;
            }),
        new(
            "Claim included in a Scope that does not exist",
            "claims", "tier", "ResolvedRefs", "False", "WaitingForRef", "ghost",
            c => c.ReadyAuthServerAsync(),
            _ => Manifest.Of("Claim", "tier", $"{{{Ref}, name: tier, value: gold, includeInScopes: [{{name: ghost}}]}}"),
            NoKonnectCalls: true),
        new(
            "Client allowing a Scope that does not exist",
            "clients", "app", "ResolvedRefs", "False", "WaitingForRef", "ghost",
            c => c.ReadyAuthServerAsync(),
            _ => Manifest.Of("Client", "app", $"{{{Ref}, allowScopes: [{{name: ghost}}]}}"),
            NoKonnectCalls: true),
        new(
            "Client allowing a Scope of another AuthServer",
            "clients", "app", "Stalled", "True", "InvalidSpec", "belongs to AuthServer other",
            async c =>
            {
                await c.ReadyAuthServerAsync();
                await c.ReadyAuthServerAsync("other");
                await c.ReadyAsync("scopes", Manifest.Of("Scope", "foreign", "{authServerRef: {name: other}}"), "foreign");
            },
            _ => Manifest.Of("Client", "app", $"{{{Ref}, allowScopes: [{{name: foreign}}]}}"),
            NoKonnectCalls: true),
        new(
            "Client whose bring-your-own secret Secret lacks the key",
            "clients", "app", "Stalled", "True", "SecretKeyMissing", "has no non-empty key 'client_secret'",
            async c =>
            {
                await c.ReadyAuthServerAsync();
                await c.SecretAsync("byo", new Dictionary<string, string> { ["password"] = "not-the-key-it-wants" });
            },
            _ => Manifest.Of("Client", "app", $"{{{Ref}, clientSecretRef: {{name: byo}}}}"),
            NoKonnectCalls: true),
        new(
            "Client whose credentials Secret name is taken by a Secret it does not own",
            "clients", "app", "SecretReady", "False", "SecretConflict", "not owned by this Client",
            async c =>
            {
                await c.ReadyAuthServerAsync();
                await c.SecretAsync("app-credentials", new Dictionary<string, string> { ["client_secret"] = "someone-elses-secret-value" });
                c.Notes["foreign"] = (await c.ReadAsync($"api/v1/namespaces/{c.Namespace}/secrets/app-credentials"))!;
            },
            _ => Manifest.Of("Client", "app", $"{{{Ref}}}"),
            NoKonnectCalls: true,
            Verify: async c => await c.ReadAsync($"api/v1/namespaces/{c.Namespace}/secrets/app-credentials") == c.Notes["foreign"]
                ? []
                : ["the foreign Secret app-credentials changed"]),
        new(
            "Client whose credentials Secret would be the Konnect token Secret",
            "clients", "app", "SecretReady", "False", "SecretConflict", "konnect-token",
            async c =>
            {
                await c.ReadyAuthServerAsync();
                c.Notes["token-data"] = JsonNode.Parse((await c.ReadAsync($"api/v1/namespaces/{c.Namespace}/secrets/konnect-token"))!)!["data"]!.ToJsonString();
            },
            _ => Manifest.Of("Client", "app", $"{{{Ref}, secret: {{name: konnect-token}}}}"),
            NoKonnectCalls: true,
            Verify: async c => JsonNode.Parse((await c.ReadAsync($"api/v1/namespaces/{c.Namespace}/secrets/konnect-token"))!)!["data"]!.ToJsonString() == c.Notes["token-data"]
                ? []
                : ["the token Secret's data changed"]),
        new(
            "Client whose clientID is taken in Konnect by a client it did not create",
            "clients", "app", "Stalled", "True", "NotOwned", "was not created by this object",
            async c =>
            {
                var authServer = await c.ReadyAuthServerAsync();
                c.Notes["auth-server"] = authServer;
                var created = await c.KonnectAsync(HttpMethod.Post, $"v1/auth-servers/{authServer}/clients", new { id = "taken-client", name = "theirs", grant_types = new[] { "client_credentials" }, response_types = new[] { "token" }, allow_all_scopes = false, allow_scopes = Array.Empty<string>(), access_token_duration = 300, id_token_duration = 300 }, c.Token);
                c.Notes["their-secret"] = created["client_secret"]!.GetValue<string>();
            },
            _ => Manifest.Of("Client", "app", $"{{{Ref}, clientID: taken-client}}"),
            NoKonnectCalls: false,
            Verify: c => Task.FromResult<IReadOnlyList<string>>(
                c.Sandbox.Konnect.VerifyClientSecret(c.Notes["auth-server"], "taken-client", c.Notes["their-secret"]) ? [] : ["the foreign client's secret was replaced"])),
        new(
            "Client with a rotation period under the 1h minimum",
            "clients", "app", "Stalled", "True", "InvalidSpec", "shorter than the minimum of 1h",
            c => c.ReadyAuthServerAsync(),
            _ => Manifest.Of("Client", "app", $"{{{Ref}, secret: {{rotationPeriod: 30m}}}}"),
            NoKonnectCalls: true),
        new(
            "UpstreamOAuthPolicy for a Client that does not exist (dangling)",
            "upstreamoauthpolicies", "gateway", "ResolvedRefs", "False", "WaitingForRef", "Waiting for Client ghost",
            _ => Task.CompletedTask,
            _ => Manifest.Of("UpstreamOAuthPolicy", "gateway", "{controlPlaneRef: {name: quickstart}, clientRef: {name: ghost}}"),
            NoKonnectCalls: true),
        new(
            "UpstreamOAuthPolicy on a control plane that does not exist",
            "upstreamoauthpolicies", "gateway", "Stalled", "True", "InvalidSpec", "nowhere",
            ReadyClientAsync,
            _ => Manifest.Of("UpstreamOAuthPolicy", "gateway", "{controlPlaneRef: {name: nowhere}, clientRef: {name: app}}"),
            NoKonnectCalls: false),
        new(
            "UpstreamOAuthPolicy on a gateway service that does not exist",
            "upstreamoauthpolicies", "gateway", "Stalled", "True", "InvalidSpec", "ghost-service",
            ReadyClientAsync,
            _ => Manifest.Of("UpstreamOAuthPolicy", "gateway", "{controlPlaneRef: {name: quickstart}, clientRef: {name: app}, target: {service: {name: ghost-service}}}"),
            NoKonnectCalls: false),
        new(
            "Scope with the scope name of another Scope of the same AuthServer",
            "scopes", "read-again", "Stalled", "True", "NameConflict", "read",
            async c =>
            {
                await c.ReadyAuthServerAsync();
                await c.ReadyAsync("scopes", Manifest.Of("Scope", "read", $"{{{Ref}}}"), "read");
            },
            _ => Manifest.Of("Scope", "read-again", $"{{{Ref}, name: read}}"),
            NoKonnectCalls: false,
            Verify: async c =>
            {
                var remote = c.Sandbox.Konnect.Snapshot().AuthServers.Single(a => a.Labels.GetValueOrDefault("k8s-uid") is not null && a.Scopes.Any(s => s.Name == "read"));
                var first = await Wait.ForReadyAsync<Entities.Scope>(c.Sandbox.Client, c.Namespace, "read", CancellationToken.None);
                var second = await c.Sandbox.Client.GetAsync<Entities.Scope>("read-again", c.Namespace);
                var problems = new List<string>();
                if (remote.Scopes.Count(s => s.Name == "read") != 1)
                {
                    problems.Add("Konnect holds more than one scope named read");
                }

                if (second?.Status.Id is { } id && id == first.Status.Id)
                {
                    problems.Add("both Scopes claim the same Konnect scope: deleting one would delete the other's");
                }

                return problems;
            }),
    ];

    private static async Task ReadyClientAsync(StalledContext c)
    {
        await c.ReadyAuthServerAsync();
        await c.ReadyAsync("clients", Manifest.Of("Client", "app", $"{{{Ref}}}"), "app");
    }
}
