using BenchmarkDotNet.Attributes;
using k8s;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Conditions;

namespace KongIdentityOperator.Benchmarks;

/// <summary>
/// A steady-state reconcile ends with a status "write" that changes nothing and must make no request: what deciding
/// that costs is paid by every object on every resync.
/// </summary>
[MemoryDiagnoser]
public class StatusWriteBenchmarks
{
    private readonly Client _client = Samples.ReadyClient();
    private readonly IKubernetesClient _noRequests = new NoRequestsClient();

    /// <summary>The check as it was first written: the object serialized to a string before and after the mutation.</summary>
    [Benchmark(Baseline = true)]
    public bool UnchangedStatusBefore()
    {
        var before = KubernetesJson.Serialize(_client);
        _client.Status.Conditions.Set("Ready", "True", "Ready", "Client is ready; credentials are in the Secret.", 1, DateTimeOffset.UtcNow);
        return before == KubernetesJson.Serialize(_client);
    }

    [Benchmark]
    public Task<Client> UnchangedStatus() =>
        _noRequests.UpdateStatusAsync(_client, c => c.Status.Conditions.Set("Ready", "True", "Ready", "Client is ready; credentials are in the Secret.", 1, DateTimeOffset.UtcNow));

    /// <summary>Fails the benchmark if a request is attempted.</summary>
    private sealed class NoRequestsClient : IKubernetesClient
    {
        public Task<TEntity?> GetAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
            where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new InvalidOperationException("no request expected");

        public Task<IList<TEntity>> ListAsync<TEntity>(string? @namespace = null, string? labelSelector = null, CancellationToken cancellationToken = default)
            where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new InvalidOperationException("no request expected");

        public Task<EntityList<TEntity>> ListWithResourceVersionAsync<TEntity>(string? @namespace = null, string? labelSelector = null, CancellationToken cancellationToken = default)
            where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new InvalidOperationException("no request expected");

        public Task<TEntity> CreateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
            where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new InvalidOperationException("no request expected");

        public Task<TEntity> UpdateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
            where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new InvalidOperationException("no request expected");

        public Task<TEntity> UpdateStatusAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
            where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new InvalidOperationException("no request expected");

        public Task<TEntity> PatchAsync<TEntity>(V1Patch patch, string name, string? @namespace = null, CancellationToken cancellationToken = default)
            where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new InvalidOperationException("no request expected");

        public Task<TEntity> PatchStatusAsync<TEntity>(V1Patch patch, string name, string? @namespace = null, CancellationToken cancellationToken = default)
            where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new InvalidOperationException("no request expected");

        public Task DeleteAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
            where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new InvalidOperationException("no request expected");

        public IAsyncEnumerable<(WatchEventType Type, TEntity Entity)> WatchAsync<TEntity>(
            string? @namespace = null, string? resourceVersion = null, string? labelSelector = null, bool allowWatchBookmarks = true, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
            where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new InvalidOperationException("no request expected");
    }
}
