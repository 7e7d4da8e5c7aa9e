using BenchmarkDotNet.Attributes;
using KongIdentityOperator.Mapping;
using Remote = KongIdentityOperator.Konnect.Identity;

namespace KongIdentityOperator.Benchmarks;

/// <summary>A steady-state Client reconcile builds the desired client and compares it with Konnect's.</summary>
[MemoryDiagnoser]
public class ClientMappingBenchmarks
{
    private readonly Entities.Client _client = Samples.ReadyClient();
    private Remote.Client _remote = new();

    [GlobalSetup]
    public void Setup()
    {
        var desired = ClientMapping.Upsert(_client, ["scope-id-1"], "secret");
        _remote = new Remote.Client
        {
            Id = "bench-client-00000",
            Name = desired.Name,
            GrantTypes = desired.GrantTypes,
            ResponseTypes = desired.ResponseTypes,
            AccessTokenDuration = desired.AccessTokenDuration ?? 300,
            IdTokenDuration = desired.IdTokenDuration ?? 300,
            AllowScopes = desired.AllowScopes ?? [],
            TokenEndpointAuthMethod = desired.TokenEndpointAuthMethod,
            Labels = desired.Labels!,
        };
    }

    [Benchmark]
    public bool BuildAndCompare() => ClientMapping.Differs(ClientMapping.Upsert(_client, ["scope-id-1"], "secret"), _remote);
}
