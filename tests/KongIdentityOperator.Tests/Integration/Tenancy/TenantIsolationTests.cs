using k8s.Models;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Conditions;
using KongIdentityOperator.Tests.Deploy;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Integration.Tenancy;

/// <summary>
/// One tenant's bad Konnect connection costs only its own objects. With a tenant whose server hangs (accepts, never
/// answers) and one whose server answers 429 with a Retry-After of ten minutes, a healthy tenant's AuthServer and
/// twenty Clients converge as they do alone: with the same number of Konnect calls as a baseline tenant reconciled
/// before the bad ones arrived (within a quarter), and while every hanging call is still in flight — the healthy
/// tenant never waited for one. Calls to Konnect are capped at their client-side timeout of ten minutes here, so
/// without per-connection limits the hanging tenant would hold every AuthServer worker for that long.
/// </summary>
public sealed class TenantIsolationTests
{
    private const int ClientsPerTenant = 20;
    private const int BadAuthServersPerTenant = 8;
    private const int MaxInFlight = 2;
    private const string TokenSecret = "konnect-token";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hanging_and_a_rate_limited_tenant_do_not_slow_a_healthy_one()
    {
        await using var sandbox = await DeploySandbox.StartAsync(Ct);
        await using var hanging = new BadKonnectServer(BadKonnectBehavior.Hang);
        await using var throttled = new BadKonnectServer(BadKonnectBehavior.RateLimit);
        await using var host = await StartOperatorAsync(sandbox, [sandbox.Konnect.BaseAddress, hanging.BaseAddress, throttled.BaseAddress]);

        var baselineCalls = await ConvergeHealthyTenantAsync(sandbox, "baseline");

        await BadTenantAsync(sandbox, "hanging", hanging.BaseAddress);
        await BadTenantAsync(sandbox, "throttled", throttled.BaseAddress);
        await Eventually.TrueAsync(() => hanging.Requests >= MaxInFlight, "the hanging server holds as many calls as the connection may have in flight");
        var rateLimited = await Eventually.MatchAsync(
            () => sandbox.Client.GetAsync<AuthServer>("bad-0", "throttled", Ct),
            a => a?.Status.Conditions.FirstOrDefault(c => c.Type == "Reconciling") is { Reason: "RateLimited" },
            "an AuthServer of the rate-limited tenant reports RateLimited");

        var healthyCalls = await ConvergeHealthyTenantAsync(sandbox, "healthy");

        // The healthy tenant converged while every call to the hanging server was still open: it never needed one to end.
        Assert.Equal(0, hanging.Answered);
        Assert.InRange(hanging.Requests, 1, MaxInFlight);
        Assert.Equal(hanging.Connections, hanging.Open);

        // The rate-limited connection was asked once per call that was in flight when its first 429 came, then left alone.
        Assert.InRange(throttled.Requests, 1, MaxInFlight);
        var message = rateLimited!.Status.Conditions.First(c => c.Type == "Reconciling").Message;
        Assert.Matches(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", message);
        Assert.DoesNotContain(DeploySandbox.SampleToken, message, StringComparison.Ordinal);

        // The same work as alone: no call of the healthy tenant was lost to the bad ones (a quarter of margin for timing).
        Assert.True(
            healthyCalls <= (baselineCalls * 5 / 4) + 5,
            $"the healthy tenant took {healthyCalls} Konnect calls next to the bad tenants, {baselineCalls} alone");
    }

    /// <summary>An AuthServer and its Clients on the emulator, all Ready; returns the Konnect calls it took.</summary>
    private static async Task<long> ConvergeHealthyTenantAsync(DeploySandbox sandbox, string ns)
    {
        var before = sandbox.Konnect.Requests.Total;
        await sandbox.CreateNamespaceAsync(ns, Ct);
        await sandbox.Client.CreateAsync(Samples.Load<V1Secret>("konnect-token-secret.yaml", ns), Ct);
        await sandbox.Client.CreateAsync(AuthServerOn(ns, "auth", sandbox.Konnect.BaseAddress), Ct);
        for (var i = 0; i < ClientsPerTenant; i++)
        {
            await sandbox.Client.CreateAsync(new Client { Metadata = new() { Name = $"client-{i}", NamespaceProperty = ns }, Spec = new() { AuthServerRef = new() { Name = "auth" } } }, Ct);
        }

        await Eventually.TrueAsync(
            async () => (await sandbox.Client.ListAsync<Client>(ns, cancellationToken: Ct)).Count(IsReady) == ClientsPerTenant,
            $"the {ClientsPerTenant} Clients of {ns} Ready");
        return sandbox.Konnect.Requests.Total - before;
    }

    private static async Task BadTenantAsync(DeploySandbox sandbox, string ns, Uri server)
    {
        await sandbox.CreateNamespaceAsync(ns, Ct);
        await sandbox.Client.CreateAsync(Samples.Load<V1Secret>("konnect-token-secret.yaml", ns), Ct);
        for (var i = 0; i < BadAuthServersPerTenant; i++)
        {
            await sandbox.Client.CreateAsync(AuthServerOn(ns, $"bad-{i}", server), Ct);
        }
    }

    private static AuthServer AuthServerOn(string ns, string name, Uri server) => new()
    {
        Metadata = new() { Name = name, NamespaceProperty = ns },
        Spec = new() { Audience = "https://api.example.com", Konnect = new() { ServerUrl = server.AbsoluteUri.TrimEnd('/'), TokenSecretRef = new() { Name = TokenSecret } } },
    };

    private static bool IsReady(Client client) =>
        client.Status.ObservedGeneration == client.Metadata.Generation && client.Status.Conditions.IsTrue("Ready");

    private static Task<OperatorInstance> StartOperatorAsync(DeploySandbox sandbox, IReadOnlyList<Uri> servers) =>
        OperatorInstance.StartAsync(
            new OperatorOptions
            {
                AllowedKonnectServers = [.. servers.Select(s => new Uri(s.AbsoluteUri.TrimEnd('/')))],
                HttpPort = 0,
                LeaderElect = false,
                MaxConcurrentReconciles = 4,
                KonnectMaxInFlight = MaxInFlight,

                // Long enough that a hanging call never ends during the test: only the limits can keep workers free.
                KonnectCallTimeout = TimeSpan.FromMinutes(10),
            },
            sandbox.Configuration,
            Ct);
}
