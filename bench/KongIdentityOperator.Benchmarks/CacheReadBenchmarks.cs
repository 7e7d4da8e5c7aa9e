using BenchmarkDotNet.Attributes;
using k8s;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Benchmarks;

/// <summary>
/// Every cache read hands out a deep copy; a reconcile makes several (the object, its parent, scopes, Secret).
/// Before: the cache kept the object and copied it through a JSON string. After: it keeps UTF-8 JSON and a read
/// deserializes it once.
/// </summary>
[MemoryDiagnoser]
public class CacheReadBenchmarks
{
    private readonly Client _client = Samples.ReadyClient();
    private readonly V1Secret _secret = Samples.CredentialsSecret();
    private readonly EntityCache<Client> _clients = new(keepObjects: true, new Dictionary<string, Func<Client, IEnumerable<string>>>());
    private readonly EntityCache<V1Secret> _secrets = new(keepObjects: true, new Dictionary<string, Func<V1Secret, IEnumerable<string>>>());

    [GlobalSetup]
    public void Setup()
    {
        _clients.Apply(WatchEventType.Added, _client);
        _secrets.Apply(WatchEventType.Added, _secret);
    }

    [Benchmark(Baseline = true)]
    public Client ReadClientBefore() => KubernetesJson.Deserialize<Client>(KubernetesJson.Serialize(_client));

    [Benchmark]
    public Client? ReadClientAfter() => _clients.Get("bench", "client-00000");

    [Benchmark]
    public V1Secret ReadSecretBefore() => KubernetesJson.Deserialize<V1Secret>(KubernetesJson.Serialize(_secret));

    [Benchmark]
    public V1Secret? ReadSecretAfter() => _secrets.Get("bench", "client-00000-credentials");

    /// <summary>What one cached Client costs in memory: the stored form (after) vs the object graph (before, reported as allocation).</summary>
    [Benchmark]
    public byte[] StoredFormOfAClient() => KubernetesJsonOptions.SerializeToUtf8Bytes(_client);
}
