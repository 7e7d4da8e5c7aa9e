using BenchmarkDotNet.Attributes;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Observation;

namespace KongIdentityOperator.Benchmarks;

/// <summary>During a resync every child is answered from the list read once: the cost of one such answer.</summary>
[MemoryDiagnoser]
public class RemoteObservationBenchmarks
{
    private readonly RemoteCollection<Client> _collection = new(TimeProvider.System, TimeSpan.FromHours(1));
    private readonly RemoteReader<Client> _reader = new(
        (_, _) => throw new InvalidOperationException("no GET expected"),
        _ => throw new InvalidOperationException("no list expected"),
        c => c.Id,
        100);

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < 1000; i++)
        {
            _collection.Remember($"client-{i}", new Client { Id = $"client-{i}", Name = $"Client {i}" });
        }
    }

    [Benchmark]
    public Task<Client?> FreshLookup() => _collection.FindAsync("client-500", _reader, static () => (1, 1000), CancellationToken.None);
}
