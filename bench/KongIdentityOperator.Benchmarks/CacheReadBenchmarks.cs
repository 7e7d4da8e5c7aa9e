using BenchmarkDotNet.Attributes;
using k8s;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Benchmarks;

/// <summary>Every cache read hands out a deep copy; a reconcile makes several (the object, its parent, scopes, Secret).</summary>
[MemoryDiagnoser]
public class CacheReadBenchmarks
{
    private readonly Client _client = Samples.ReadyClient();
    private readonly V1Secret _secret = Samples.CredentialsSecret();

    /// <summary>The copy as it was first written: through a JSON string.</summary>
    [Benchmark(Baseline = true)]
    public Client CloneClientThroughString() => KubernetesJson.Deserialize<Client>(KubernetesJson.Serialize(_client));

    [Benchmark]
    public Client CloneClient() => EntityCopy.Clone(_client);

    [Benchmark]
    public V1Secret CloneSecret() => EntityCopy.Clone(_secret);
}
