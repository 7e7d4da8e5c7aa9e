using System.Diagnostics;
using KongIdentityOperator.Bench.Scenarios;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Bench.Workload;

/// <summary>One <see cref="ReadyTracker{TEntity}"/> per kind of a namespace.</summary>
internal sealed class ReadyTrackers : IAsyncDisposable
{
    private ReadyTrackers(
        ReadyTracker<AuthServer> authServers,
        ReadyTracker<Scope> scopes,
        ReadyTracker<Claim> claims,
        ReadyTracker<Client> clients,
        ReadyTracker<UpstreamOAuthPolicy> policies)
    {
        AuthServers = authServers;
        Scopes = scopes;
        Claims = claims;
        Clients = clients;
        Policies = policies;
    }

    public ReadyTracker<AuthServer> AuthServers { get; }

    public ReadyTracker<Scope> Scopes { get; }

    public ReadyTracker<Claim> Claims { get; }

    public ReadyTracker<Client> Clients { get; }

    public ReadyTracker<UpstreamOAuthPolicy> Policies { get; }

    public static async Task<ReadyTrackers> StartAsync(IKubernetesClient client, string @namespace, CancellationToken cancellationToken) =>
        new(
            await ReadyTracker<AuthServer>.StartAsync(client, @namespace, cancellationToken),
            await ReadyTracker<Scope>.StartAsync(client, @namespace, cancellationToken),
            await ReadyTracker<Claim>.StartAsync(client, @namespace, cancellationToken),
            await ReadyTracker<Client>.StartAsync(client, @namespace, cancellationToken),
            await ReadyTracker<UpstreamOAuthPolicy>.StartAsync(client, @namespace, cancellationToken));

    public int ReadyCount => AuthServers.ReadyCount + Scopes.ReadyCount + Claims.ReadyCount + Clients.ReadyCount + Policies.ReadyCount;

    /// <summary>Waits until every object of <paramref name="objects"/> was seen Ready, printing progress every 10 s.</summary>
    public async Task WaitForAsync(ScenarioObjects objects, TimeSpan timeout, BenchContext context, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var lastReport = started;
        while (ReadyCount < objects.Total)
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"only {ReadyCount} of {objects.Total} objects became Ready within {timeout}");
            }

            if (Stopwatch.GetElapsedTime(lastReport) > TimeSpan.FromSeconds(10))
            {
                lastReport = Stopwatch.GetTimestamp();
                context.Say($"  {ReadyCount}/{objects.Total} Ready");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>When the last object of the scenario became Ready.</summary>
    public long LastReadyAt(ScenarioObjects objects)
    {
        IEnumerable<long?> all =
        [
            AuthServers.ReadyAt(ScenarioObjects.AuthServerName),
            .. Enumerable.Range(0, objects.Scopes).Select(i => Scopes.ReadyAt(ScenarioObjects.ScopeName(i))),
            .. Enumerable.Range(0, objects.Claims).Select(i => Claims.ReadyAt(ScenarioObjects.ClaimName(i))),
            .. Enumerable.Range(0, objects.Clients).Select(i => Clients.ReadyAt(ScenarioObjects.ClientName(i))),
            .. Enumerable.Range(0, objects.Policies).Select(i => Policies.ReadyAt(ScenarioObjects.PolicyName(i))),
        ];
        return all.Max() ?? throw new InvalidOperationException("not every object is Ready");
    }

    public async ValueTask DisposeAsync()
    {
        await AuthServers.DisposeAsync();
        await Scopes.DisposeAsync();
        await Claims.DisposeAsync();
        await Clients.DisposeAsync();
        await Policies.DisposeAsync();
    }
}
