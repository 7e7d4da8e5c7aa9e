using System.Text;
using k8s;
using k8s.Models;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Conditions;
using KongIdentityOperator.Sandbox.Konnect;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>
/// Shared plumbing of the end-to-end scenarios: per test an environment (a Konnect emulator, the CRDs on the
/// cluster), a namespace and operators. Subclasses choose the cluster: a sandbox of the test's own, or the k3s that
/// the test class shares.
/// </summary>
public abstract class ScenarioBase : IAsyncLifetime
{
    private readonly List<IOperatorInstance> _operators = [];
    private TestEnvironment? _environment;

    protected TestEnvironment Env => _environment ?? throw new InvalidOperationException("Not started.");

    protected KonnectEmulator Konnect => Env.Konnect;

    protected string Ns { get; set; } = string.Empty;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _environment = await TestEnvironment.StartAsync(await CreateClusterAsync(Ct), Ct);
        Ns = await Env.CreateNamespaceAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _operators)
        {
            await instance.DisposeAsync();
        }

        if (_environment is not null)
        {
            await _environment.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract Task<ClusterLease> CreateClusterAsync(CancellationToken cancellationToken);

    /// <summary>The operator executable to run as a child process (<c>OPERATOR_BINARY</c>); null: host the operator in-process.</summary>
    protected virtual string? OperatorExecutable => OperatorBinary.Configured;

    /// <summary>
    /// The operator, watching the test's namespace: the executable of <see cref="OperatorExecutable"/> when there is one,
    /// except for a scenario that changes the operator's services (<paramref name="configure"/>, e.g. a fault in its
    /// HTTP client), which only an operator in this process allows.
    /// </summary>
    protected async Task<IOperatorInstance> StartOperatorAsync(TimeSpan? resyncPeriod = null, Action<IServiceCollection>? configure = null)
    {
        var options = new OperatorOptions
        {
            KonnectServerUrl = Env.Konnect.BaseAddress,
            Namespaces = [Ns],
            ResyncPeriod = resyncPeriod ?? TimeSpan.FromMinutes(10),
            HttpPort = 0,
            LeaderElect = false,
            MaxConcurrentReconciles = 4,
        };
        IOperatorInstance instance = configure is null && OperatorExecutable is { } binary
            ? await OperatorChild.StartAsync(binary, options, Env.Cluster, Ct)
            : await OperatorInstance.StartAsync(options, Env.Cluster.Configuration, Ct, configure);
        _operators.Add(instance);
        return instance;
    }

    protected async Task KillOperatorAsync(IOperatorInstance instance)
    {
        _operators.Remove(instance);
        await instance.KillAsync();
        await instance.DisposeAsync();
    }

    protected Task<T> CreateAsync<T>(T entity)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        entity.Metadata.NamespaceProperty = Ns;
        return Env.Client.CreateAsync(entity, Ct);
    }

    protected Task<T> ApplySampleAsync<T>(string fileName)
        where T : class, IKubernetesObject<V1ObjectMeta> => Env.Client.CreateAsync(Samples.Load<T>(fileName, Ns), Ct);

    protected Task<T?> GetAsync<T>(string name)
        where T : class, IKubernetesObject<V1ObjectMeta> => Env.Client.GetAsync<T>(name, Ns, Ct);

    /// <summary>Reads, changes and writes an object (retrying on conflicts with the operator's own writes).</summary>
    protected async Task<T> UpdateAsync<T>(string name, Action<T> change)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync<T>(name) ?? throw new InvalidOperationException($"{typeof(T).Name} {name} not found");
            change(current);
            try
            {
                return await Env.Client.UpdateAsync(current, Ct);
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < 10)
            {
            }
        }
    }

    protected Task DeleteAsync<T>(string name)
        where T : class, IKubernetesObject<V1ObjectMeta> => Env.Client.DeleteAsync<T>(name, Ns, Ct);

    /// <summary>Waits until the object is Ready for its current generation.</summary>
    protected Task<T> WaitForReadyAsync<T>(string name, TimeSpan? timeout = null)
        where T : class, IKubernetesObject<V1ObjectMeta>, IConditionedEntity =>
        WaitForConditionAsync<T>(name, "Ready", "True", null, timeout);

    protected Task<T> WaitForConditionAsync<T>(string name, string type, string status, string? reason = null, TimeSpan? timeout = null)
        where T : class, IKubernetesObject<V1ObjectMeta>, IConditionedEntity =>
        Eventually.MatchAsync<T>(
            async () => (await GetAsync<T>(name))!,
            e => e is not null && e.ConditionedStatus.ObservedGeneration == e.Metadata.Generation
                && e.ConditionedStatus.Conditions.Get(type) is { } c && c.Status == status && (reason is null || c.Reason == reason),
            $"{typeof(T).Name} {name} {type}={status}{(reason is null ? string.Empty : $" ({reason})")}",
            timeout);

    protected async Task WaitForGoneAsync<T>(string name, TimeSpan? timeout = null)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        await Eventually.TrueAsync(async () => await GetAsync<T>(name) is null, $"{typeof(T).Name} {name} deleted", timeout);

    protected async Task<IReadOnlyDictionary<string, string>> ReadSecretAsync(string name)
    {
        var secret = await GetAsync<V1Secret>(name) ?? throw new InvalidOperationException($"Secret {name} not found");
        return secret.Data.ToDictionary(d => d.Key, d => Encoding.UTF8.GetString(d.Value));
    }

    /// <summary>Konnect writes (non-GET requests) counted by the emulator so far.</summary>
    protected long KonnectWrites() =>
        Konnect.Requests.ByRoute.Where(r => !r.Key.StartsWith("GET ", StringComparison.Ordinal) && !r.Key.Contains("/_issuer/", StringComparison.Ordinal)).Sum(r => r.Value);
}
