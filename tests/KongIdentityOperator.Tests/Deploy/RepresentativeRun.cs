using System.Net;
using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Conditions;
using KongIdentityOperator.Sandbox.KubeApi;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// A day in the operator's life, against a fresh sandbox, configured as installed (all namespaces, leader election):
/// the tutorial applied and Ready, spec updates, a status write conflict on every kind, client secret rotation, a
/// deleted credentials Secret healed, an Orphan deletion, then everything deleted at once with the token Secret, so
/// that the token-in-use finalizer holds it until the cleanups are done. Returns every API call the operator made.
/// Secrets that are neither offered nor the operator's (<see cref="Bystanders"/>) sit in the namespaces throughout.
/// With <c>watchedNamespaces</c> the operator runs as <c>config/namespaced</c> installs it (<c>--namespaces</c>).
/// </summary>
internal sealed class RepresentativeRun(DeploySandbox sandbox, CancellationToken cancellationToken, IReadOnlyList<string>? watchedNamespaces = null)
{
    public const string OperatorNamespace = "kong-identity-system";
    public const string WorkloadNamespace = "team-a";

    private const string CredentialsSecret = "appointments-client-credentials";
    private const string TokenSecret = "konnect-token";
    private const string AuthServerName = "appointments-dev";
    private const string ScopeName = "my-scope";
    private const string ClaimName = "test-claim";
    private const string ClientName = "appointments-client";
    private const string PolicyName = "quickstart-upstream-oauth";

    private readonly List<V1ObjectMeta> _operatorSecrets = [];

    /// <summary>Unlabelled Secrets (namespace, name) that the operator must never list, watch or read.</summary>
    public static IReadOnlyList<(string Namespace, string Name)> Bystanders { get; } =
        [(WorkloadNamespace, "database-password"), (OperatorNamespace, "unrelated-credentials")];

    /// <summary>Calls that need a permission although the request log shows them as something else (see <see cref="OwnerReferenceChecks"/>).</summary>
    public IReadOnlyList<ApiCall> ImpliedCalls { get; private set; } = [];

    public async Task<IReadOnlyList<RequestLogEntry>> RunAsync()
    {
        await sandbox.CreateNamespaceAsync(OperatorNamespace, cancellationToken);
        await sandbox.CreateNamespaceAsync(WorkloadNamespace, cancellationToken);
        foreach (var (ns, name) in Bystanders)
        {
            await CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns }, StringData = new Dictionary<string, string> { ["password"] = "not-for-the-operator" } });
        }

        await using (var instance = await OperatorInstance.StartAsDeployedAsync(sandbox.Configuration, sandbox.Konnect.BaseAddress, OperatorNamespace, watchedNamespaces ?? [], cancellationToken))
        {
            await ApplyTutorialAsync();
            await RememberOperatorSecretsAsync();
            await UpdateTwiceAsync();
            await ProvokeStatusConflictsAsync();
            await RotateClientSecretAsync();
            await HealCredentialsSecretAsync();
            await RememberOperatorSecretsAsync();
            await DeleteWithOrphanAsync();
            await DeleteEverythingAsync();
            await instance.StopAsync();
        }

        ImpliedCalls = [.. OwnerReferenceChecks.ImpliedCalls(_operatorSecrets, CrdPlurals())];
        return sandbox.OperatorRequests();
    }

    private async Task ApplyTutorialAsync()
    {
        await CreateAsync(Samples.Load<V1Secret>("konnect-token-secret.yaml", WorkloadNamespace));
        await CreateAsync(Samples.Load<AuthServer>("authserver.yaml", WorkloadNamespace));
        await CreateAsync(Samples.Load<Scope>("scope.yaml", WorkloadNamespace));
        await CreateAsync(Samples.Load<Claim>("claim.yaml", WorkloadNamespace));
        await CreateAsync(Samples.Load<Client>("client.yaml", WorkloadNamespace));
        await CreateAsync(Samples.Load<UpstreamOAuthPolicy>("upstreamoauthpolicy.yaml", WorkloadNamespace));
        await WaitReadyAsync<AuthServer>(AuthServerName);
        await WaitReadyAsync<Scope>(ScopeName);
        await WaitReadyAsync<Claim>(ClaimName);
        await WaitReadyAsync<Client>(ClientName);
        await WaitReadyAsync<UpstreamOAuthPolicy>(PolicyName);
        var lease = await sandbox.Client.GetAsync<V1Lease>("kong-identity-operator-leader", OperatorNamespace, cancellationToken);
        Assert.False(string.IsNullOrEmpty(lease?.Spec?.HolderIdentity), "the operator reconciled without holding the Lease");
    }

    /// <summary>The same change event twice within the aggregation window: the second raises the event's series count.</summary>
    private async Task UpdateTwiceAsync()
    {
        foreach (var description in new[] { "First edit", "Second edit" })
        {
            await UpdateAsync<Scope>(ScopeName, s => s.Spec.Description = description);
            await WaitReadyAsync<Scope>(ScopeName);
        }
    }

    /// <summary>A 409 on each kind's status write makes the operator read the object again (get).</summary>
    private async Task ProvokeStatusConflictsAsync()
    {
        await ProvokeStatusConflictAsync<AuthServer>(AuthServerName, "authservers", (a, round) => a.Spec.Description = $"Conflict round {round}");
        await ProvokeStatusConflictAsync<Scope>(ScopeName, "scopes", (s, round) => s.Spec.Description = $"Conflict round {round}");
        await ProvokeStatusConflictAsync<Claim>(ClaimName, "claims", (c, round) => c.Spec.Value = $"test-{round}");
        await ProvokeStatusConflictAsync<Client>(ClientName, "clients", (c, round) => c.Spec.DisplayName = $"Client {round}");
        await ProvokeStatusConflictAsync<UpstreamOAuthPolicy>(PolicyName, "upstreamoauthpolicies", (p, round) =>
        {
            p.Spec.Behavior ??= new PolicyBehaviorSettings();
            p.Spec.Behavior.UpstreamAccessTokenHeaderName = $"X-Upstream-Token-{round}";
        });
    }

    /// <summary>
    /// Arms the API server to answer the next writes with 409 right after a spec change, so that the operator's status
    /// write for it conflicts. Another operator write (an event, a Lease renewal) may take the failures instead; then
    /// the round is repeated.
    /// </summary>
    private async Task ProvokeStatusConflictAsync<T>(string name, string plural, Action<T, int> change)
        where T : class, IKubernetesObject<V1ObjectMeta>, IConditionedEntity
    {
        const int Rounds = 5;
        for (var round = 1; round <= Rounds; round++)
        {
            await UpdateAsync<T>(name, e => change(e, round));
            sandbox.Server.Hooks.FailNextWrites(2, 409);
            await WaitReadyAsync<T>(name);
            sandbox.Server.Hooks.FailNextWrites(0);
            if (sandbox.OperatorRequests().Any(r => r.Verb == "update" && r.Resource == plural && r.Subresource == "status" && r.StatusCode == 409))
            {
                return;
            }
        }

        Assert.Fail($"No status write conflict on {plural} in {Rounds} rounds.");
    }

    private async Task RotateClientSecretAsync()
    {
        var before = await ReadCredentialsAsync();
        await UpdateAsync<Client>(ClientName, c =>
        {
            c.Metadata.Annotations ??= new Dictionary<string, string>();
            c.Metadata.Annotations["identity.konghq.com/rotate-secret"] = "rotation-1";
        });
        await Eventually.TrueAsync(async () => await ReadCredentialsAsync() is { } now && now != before, "client secret rotated");
        await WaitReadyAsync<Client>(ClientName);
    }

    private async Task HealCredentialsSecretAsync()
    {
        var deleted = await sandbox.Client.GetAsync<V1Secret>(CredentialsSecret, WorkloadNamespace, cancellationToken);
        await sandbox.Client.DeleteAsync<V1Secret>(CredentialsSecret, WorkloadNamespace, cancellationToken);
        await Eventually.TrueAsync(
            async () => await sandbox.Client.GetAsync<V1Secret>(CredentialsSecret, WorkloadNamespace, cancellationToken) is { } healed
                && healed.Metadata.Uid != deleted!.Metadata.Uid,
            "credentials Secret written again");
        await WaitReadyAsync<Client>(ClientName);
    }

    private async Task DeleteWithOrphanAsync()
    {
        await UpdateAsync<UpstreamOAuthPolicy>(PolicyName, p => p.Spec.DeletionPolicy = DeletionPolicy.Orphan);
        await WaitReadyAsync<UpstreamOAuthPolicy>(PolicyName);
        await sandbox.Client.DeleteAsync<UpstreamOAuthPolicy>(PolicyName, WorkloadNamespace, cancellationToken);
        await WaitGoneAsync<UpstreamOAuthPolicy>(PolicyName);
        Assert.Single(sandbox.Konnect.Snapshot().AllPlugins);
    }

    /// <summary>Like <c>kubectl delete -k config/samples</c>: every object at once, the token Secret included.</summary>
    private async Task DeleteEverythingAsync()
    {
        var token = await sandbox.Client.GetAsync<V1Secret>(TokenSecret, WorkloadNamespace, cancellationToken);
        Assert.Contains("identity.konghq.com/token-in-use", token!.Metadata.Finalizers ?? []);

        await sandbox.Client.DeleteAsync<V1Secret>(TokenSecret, WorkloadNamespace, cancellationToken);
        await sandbox.Client.DeleteAsync<Client>(ClientName, WorkloadNamespace, cancellationToken);
        await sandbox.Client.DeleteAsync<Claim>(ClaimName, WorkloadNamespace, cancellationToken);
        await sandbox.Client.DeleteAsync<Scope>(ScopeName, WorkloadNamespace, cancellationToken);
        await sandbox.Client.DeleteAsync<AuthServer>(AuthServerName, WorkloadNamespace, cancellationToken);

        await WaitGoneAsync<AuthServer>(AuthServerName);
        await WaitGoneAsync<Scope>(ScopeName);
        await WaitGoneAsync<Claim>(ClaimName);
        await WaitGoneAsync<Client>(ClientName);
        await WaitGoneAsync<V1Secret>(TokenSecret);
        Assert.Empty(sandbox.Konnect.Snapshot().AuthServers);
    }

    private async Task RememberOperatorSecretsAsync()
    {
        var secrets = await sandbox.Client.ListAsync<V1Secret>(WorkloadNamespace, "app.kubernetes.io/managed-by=kong-identity-operator", cancellationToken);
        Assert.NotEmpty(secrets);
        _operatorSecrets.AddRange(secrets.Select(s => s.Metadata));
    }

    private async Task<string?> ReadCredentialsAsync()
    {
        var secret = await sandbox.Client.GetAsync<V1Secret>(CredentialsSecret, WorkloadNamespace, cancellationToken);
        return secret?.Data?.TryGetValue("client_secret", out var value) == true ? Encoding.UTF8.GetString(value) : null;
    }

    private Task<T> CreateAsync<T>(T entity)
        where T : class, IKubernetesObject<V1ObjectMeta> => sandbox.Client.CreateAsync(entity, cancellationToken);

    /// <summary>Read, change, replace; a conflict with the operator's own writes (or an armed fault) is retried.</summary>
    private async Task<T> UpdateAsync<T>(string name, Action<T> change)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await sandbox.Client.GetAsync<T>(name, WorkloadNamespace, cancellationToken)
                ?? throw new InvalidOperationException($"{typeof(T).Name} {name} not found");
            change(current);
            try
            {
                return await sandbox.Client.UpdateAsync(current, cancellationToken);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && attempt < 10)
            {
            }
        }
    }

    private async Task WaitReadyAsync<T>(string name)
        where T : class, IKubernetesObject<V1ObjectMeta>, IConditionedEntity =>
        await Eventually.MatchAsync(
            () => sandbox.Client.GetAsync<T>(name, WorkloadNamespace, cancellationToken),
            e => e is not null && e.ConditionedStatus.ObservedGeneration == e.Metadata.Generation && e.ConditionedStatus.Conditions.IsTrue("Ready"),
            $"{typeof(T).Name} {name} Ready");

    private Task WaitGoneAsync<T>(string name)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        Eventually.TrueAsync(
            async () => await sandbox.Client.GetAsync<T>(name, WorkloadNamespace, cancellationToken) is null,
            $"{typeof(T).Name} {name} deleted");

    private static Dictionary<(string ApiVersion, string Kind), string> CrdPlurals() =>
        Directory.GetFiles(RepositoryRoot.Combine("config", "crds"), "identity.konghq.com_*.yaml")
            .Select(file => KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(file)))
            .SelectMany(crd => crd.Spec.Versions.Select(v => (Key: ($"{crd.Spec.Group}/{v.Name}", crd.Spec.Names.Kind), crd.Spec.Names.Plural)))
            .ToDictionary(p => p.Key, p => p.Plural);
}
