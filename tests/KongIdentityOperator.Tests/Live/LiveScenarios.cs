using System.Text;
using k8s;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Conditions;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Live;

/// <summary>
/// <c>make e2e-live</c>: the end-to-end scenarios (the tutorial with a token's claims, updates, drift, rotation, deletion
/// under both policies) against a real Konnect organisation and a real cluster, through the same
/// <see cref="ICluster"/> as the sandbox and k3s scenarios. Without the variables every scenario skips with the reason;
/// <c>make test</c> runs this class against the sandbox exported through the same variables
/// (<see cref="LiveSuiteOnSandboxTests"/>).
/// </summary>
public sealed class LiveScenarios(LiveRun run) : IClassFixture<LiveRun>
{
    private const string Audience = "http://myhttpbin.dev";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tutorial_converges_and_the_generated_Secret_gets_a_token_with_the_claim()
    {
        var names = await ApplyTutorialAsync("tutorial", withPolicy: true);
        var credentials = await ReadSecretAsync(names.Secret);
        var (claims, error) = await TokenClient.RequestAsync(credentials, "my-scope", TestContext.Current.CancellationToken);
        Assert.Null(error);
        Assert.Equal("test", claims!["test-claim"]!.GetValue<string>());
        Assert.Equal(Audience, claims["aud"]!.GetValue<string>());

        var authServer = (await GetAsync<AuthServer>(names.AuthServer))!;
        var remote = await run.Konnect.GetAsync($"v1/auth-servers/{authServer.Status.Id}", Ct);
        Assert.Equal($"{run.Ns}-tutorial", remote!["name"]!.GetValue<string>());
        var policy = (await GetAsync<UpstreamOAuthPolicy>(names.Policy))!;
        var plugin = await run.Konnect.GetAsync($"v2/control-planes/{run.ControlPlaneId}/core-entities/plugins/{policy.Status.Id}", Ct);
        Assert.Equal("upstream-oauth", plugin!["name"]!.GetValue<string>());
        Assert.Equal(credentials["client_id"], plugin["config"]!["oauth"]!["client_id"]!.GetValue<string>());
        AssertNoSecretsLogged(credentials["client_secret"]);
    }

    [Fact]
    public async Task Updates_reach_Konnect_and_the_tokens()
    {
        var names = await ApplyTutorialAsync("updates", withPolicy: false);
        await UpdateAsync<Claim>(names.Claim, c => c.Spec.Value = "updated");
        await UpdateAsync<AuthServer>(names.AuthServer, a => a.Spec.Description = "updated by e2e-live");
        await WaitForReadyAsync<Claim>(names.Claim);
        await WaitForReadyAsync<AuthServer>(names.AuthServer);

        var credentials = await ReadSecretAsync(names.Secret);
        await Eventually.TrueAsync(
            async () => (await TokenClient.RequestAsync(credentials, "my-scope")).Claims?["test-claim"]?.GetValue<string>() == "updated",
            "a token with the updated claim");
        var id = (await GetAsync<AuthServer>(names.AuthServer))!.Status.Id;
        var remote = await run.Konnect.GetAsync($"v1/auth-servers/{id}", Ct);
        Assert.Equal("updated by e2e-live", remote!["description"]?.GetValue<string>());
    }

    [Fact]
    public async Task Drift_made_in_Konnect_is_corrected()
    {
        var names = await ApplyTutorialAsync("drift", withPolicy: false);
        var id = (await GetAsync<AuthServer>(names.AuthServer))!.Status.Id;
        await run.Konnect.SendAsync(HttpMethod.Patch, $"v1/auth-servers/{id}", new { audience = "http://drifted.example" }, Ct);

        await Eventually.TrueAsync(
            async () => (await run.Konnect.GetAsync($"v1/auth-servers/{id}", Ct))?["audience"]?.GetValue<string>() == Audience,
            "the audience changed in Konnect put back by the operator",
            run.ResyncWait);
    }

    [Fact]
    public async Task Rotation_by_annotation_issues_a_new_secret_that_gets_tokens()
    {
        var names = await ApplyTutorialAsync("rotation", withPolicy: false);
        var old = await ReadSecretAsync(names.Secret);
        await UpdateAsync<Client>(names.Client, c => (c.Metadata.Annotations ??= new Dictionary<string, string>())["identity.konghq.com/rotate-secret"] = run.Settings!.RunId);

        var rotated = await Eventually.MatchAsync(
            () => ReadSecretAsync(names.Secret),
            s => s["client_secret"] != old["client_secret"] && !s.ContainsKey("pending_client_secret"),
            "a promoted new client secret");
        Assert.Equal(old["client_id"], rotated["client_id"]);
        var (claims, error) = await TokenClient.RequestAsync(rotated, "my-scope", TestContext.Current.CancellationToken);
        Assert.Null(error);
        Assert.Equal("test", claims!["test-claim"]!.GetValue<string>());
        AssertNoSecretsLogged(old["client_secret"], rotated["client_secret"]);
    }

    [Fact]
    public async Task Delete_removes_from_Konnect_and_Orphan_keeps_the_object()
    {
        var names = await ApplyTutorialAsync("deletion", withPolicy: false);
        var authServerId = (await GetAsync<AuthServer>(names.AuthServer))!.Status.Id;
        var claimId = (await GetAsync<Claim>(names.Claim))!.Status.Id;
        var clientId = (await GetAsync<Client>(names.Client))!.Status.Id;
        await UpdateAsync<Claim>(names.Claim, c => c.Spec.DeletionPolicy = DeletionPolicy.Orphan);
        await WaitForReadyAsync<Claim>(names.Claim);

        await run.Client.DeleteAsync<Claim>(names.Claim, run.Ns, Ct);
        await run.Client.DeleteAsync<Client>(names.Client, run.Ns, Ct);
        await WaitForGoneAsync<Claim>(names.Claim);
        await WaitForGoneAsync<Client>(names.Client);
        var path = $"v1/auth-servers/{authServerId}";
        Assert.NotNull(await run.Konnect.GetAsync($"{path}/claims/{claimId}", Ct));
        Assert.Null(await run.Konnect.GetAsync($"{path}/clients/{clientId}", Ct));

        // The orphaned claim is the run's own (under its auth server): removed so that the auth server can go.
        await run.Konnect.DeleteAsync($"{path}/claims/{claimId}", Ct);
        await run.Client.DeleteAsync<Scope>(names.Scope, run.Ns, Ct);
        await run.Client.DeleteAsync<AuthServer>(names.AuthServer, run.Ns, Ct);
        await WaitForGoneAsync<AuthServer>(names.AuthServer);
        Assert.Null(await run.Konnect.GetAsync(path, Ct));
    }

    private void SkipUnlessLive()
    {
        if (run.Settings is null)
        {
            Assert.Skip(run.SkipReason!);
        }

        if (run.Settings.CleanupOnly)
        {
            Assert.Skip("cleanup-only mode: no scenario runs");
        }
    }

    /// <summary>The tutorial's objects (<c>config/samples</c>), named for one scenario, applied and waited for.</summary>
    private async Task<TutorialNames> ApplyTutorialAsync(string scenario, bool withPolicy)
    {
        SkipUnlessLive();
        var names = new TutorialNames(scenario);
        await CreateAsync(new AuthServer
        {
            Metadata = Meta(names.AuthServer),
            Spec = new AuthServerSpec
            {
                DisplayName = $"{run.Ns}-{scenario}",
                Audience = Audience,
                Description = "made by the live end-to-end suite",
                Labels = new Dictionary<string, string> { [LiveLabels.KonnectRun] = run.Settings!.RunId },
                Konnect = run.KonnectSettings(),
            },
        });
        await CreateAsync(new Scope { Metadata = Meta(names.Scope), Spec = new ScopeSpec { AuthServerRef = new() { Name = names.AuthServer }, Name = "my-scope" } });
        await CreateAsync(new Claim
        {
            Metadata = Meta(names.Claim),
            Spec = new ClaimSpec
            {
                AuthServerRef = new() { Name = names.AuthServer },
                Name = "test-claim",
                Value = "test",
                IncludeInToken = true,
                IncludeInScopes = [new() { Name = names.Scope }],
            },
        });
        await CreateAsync(new Client
        {
            Metadata = Meta(names.Client),
            Spec = new ClientSpec
            {
                AuthServerRef = new() { Name = names.AuthServer },
                ClientId = $"{run.Ns}-{scenario}",
                GrantTypes = [GrantType.ClientCredentials],
                AllowScopes = [new() { Name = names.Scope }],
                AccessTokenDurationSeconds = 3600,
                Secret = new ClientSecretOutput { Name = names.Secret, Labels = run.RunLabels(), RotationGracePeriod = "0s" },
            },
        });
        if (withPolicy)
        {
            await CreateAsync(new UpstreamOAuthPolicy
            {
                Metadata = Meta(names.Policy),
                Spec = new UpstreamOAuthPolicySpec
                {
                    ControlPlaneRef = new() { Name = run.ControlPlaneName },
                    ClientRef = new() { Name = names.Client },
                    Scopes = [new() { Name = names.Scope }],
                },
            });
        }

        await WaitForReadyAsync<AuthServer>(names.AuthServer);
        await WaitForReadyAsync<Scope>(names.Scope);
        await WaitForReadyAsync<Claim>(names.Claim);
        await WaitForReadyAsync<Client>(names.Client);
        if (withPolicy)
        {
            await WaitForReadyAsync<UpstreamOAuthPolicy>(names.Policy);
        }

        return names;
    }

    private V1ObjectMeta Meta(string name) => new() { Name = name, NamespaceProperty = run.Ns, Labels = run.RunLabels() };

    private Task<T> CreateAsync<T>(T entity)
        where T : class, IKubernetesObject<V1ObjectMeta> => run.Client.CreateAsync(entity, Ct);

    private Task<T?> GetAsync<T>(string name)
        where T : class, IKubernetesObject<V1ObjectMeta> => run.Client.GetAsync<T>(name, run.Ns, Ct);

    private async Task UpdateAsync<T>(string name, Action<T> change)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync<T>(name) ?? throw new InvalidOperationException($"{typeof(T).Name} {name} not found");
            change(current);
            try
            {
                await run.Client.UpdateAsync(current, Ct);
                return;
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < 10)
            {
            }
        }
    }

    private Task<T> WaitForReadyAsync<T>(string name)
        where T : class, IKubernetesObject<V1ObjectMeta>, IConditionedEntity =>
        Eventually.MatchAsync<T>(
            async () => (await GetAsync<T>(name))!,
            e => e is not null && e.ConditionedStatus.ObservedGeneration == e.Metadata.Generation && e.ConditionedStatus.Conditions.IsTrue("Ready"),
            $"{typeof(T).Name} {run.Ns}/{name} Ready",
            TimeSpan.FromMinutes(3));

    private Task WaitForGoneAsync<T>(string name)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        Eventually.TrueAsync(async () => await GetAsync<T>(name) is null, $"{typeof(T).Name} {run.Ns}/{name} deleted", TimeSpan.FromMinutes(3));

    private async Task<IReadOnlyDictionary<string, string>> ReadSecretAsync(string name)
    {
        var secret = await GetAsync<V1Secret>(name) ?? throw new InvalidOperationException($"Secret {name} not found");
        return secret.Data.ToDictionary(d => d.Key, d => Encoding.UTF8.GetString(d.Value));
    }

    /// <summary>The operator the suite runs never logs the Konnect token or a client secret.</summary>
    private void AssertNoSecretsLogged(params string[] secrets)
    {
        foreach (var value in secrets.Append(run.Settings!.Token))
        {
            Assert.DoesNotContain(run.OperatorLogs.Lines, line => line.Contains(value, StringComparison.Ordinal));
        }
    }

    private sealed record TutorialNames(string Scenario)
    {
        public string AuthServer => $"{Scenario}-appointments";

        public string Scope => $"{Scenario}-my-scope";

        public string Claim => $"{Scenario}-test-claim";

        public string Client => $"{Scenario}-client";

        public string Secret => $"{Scenario}-credentials";

        public string Policy => $"{Scenario}-upstream-oauth";
    }
}
