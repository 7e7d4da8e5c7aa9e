using System.Security.Cryptography;
using k8s;
using k8s.Models;
using KongIdentityOperator.Chaos.Chaos;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Chaos.Security;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Chaos.LeaderElection;

/// <summary>
/// Two replicas with leader election, as the Deployment runs them: the standby neither reconciles nor calls Konnect;
/// when the leader is SIGKILLed mid-convergence (its Lease is not released) the standby takes over once the Lease
/// expires and finishes the work, with exactly one remote object per resource.
/// </summary>
public sealed class LeaderElectionTests
{
    private const string LeaseNamespace = "kong-identity-system";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_leader_is_killed_mid_convergence_and_the_standby_finishes_with_exactly_one_writer()
    {
        var token = "kpat_leader_" + RandomNumberGenerator.GetHexString(24, lowercase: true);
        var tenant = new TenantPlan(0, "tenant-0", [.. Enumerable.Range(0, 12).Select(i => new ClientPlan("tenant-0", $"app-{i:000}", ["read", "write"], 600, 0))]);
        using var work = new WorkDirectory("leader-election");
        await using var sandbox = await ChaosSandbox.StartAsync([token], work, Ct);
        await using var konnect = await HttpTap.StartAsync(sandbox.Konnect.BaseAddress, Ct);
        await TenantSetup.CreateGatewayServicesAsync(sandbox, token, [tenant], Ct);
        await sandbox.CreateNamespaceAsync(tenant.Namespace, token, Ct);
        await Writes.RetryAsync(() => sandbox.Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = LeaseNamespace } }, cancellationToken: Ct), Ct);
        OperatorLaunch Replica(string log) => sandbox.Launch(work, log) with { KonnectServerUrl = konnect.BaseAddress, LeaderElect = true, LeaseNamespace = LeaseNamespace };

        await using var first = await ChaosOperator.StartAsync(Replica("replica-a.log"), Ct);
        var leader = await Poll.MatchAsync(() => LeaseHolder.ReadAsync(sandbox, LeaseNamespace, Ct), h => h is not null, h => h ?? "none", "a lease holder", Wait.Timeout, Ct);
        Assert.Equal(leader, await Poll.MatchAsync(() => Task.FromResult(LeaseHolder.IdentityOf(first)), h => h is not null, h => h ?? "none", "the first replica to log that it leads", Wait.Timeout, Ct));
        await using var second = await ChaosOperator.StartAsync(Replica("replica-b.log"), Ct);
        await Poll.UntilAsync(async () => (await second.GetAsync("readyz", Ct))?.Status == System.Net.HttpStatusCode.OK, "the standby's caches synced", Wait.Timeout, Ct);

        // Work in flight when the leader dies: the AuthServer is Ready, its Clients are being created (slowly: every
        // Konnect call takes 500 ms until the leader is gone).
        sandbox.Konnect.SetFaults(new Sandbox.Konnect.EmulatorFaults { LatencyMs = 500 });
        await TenantSetup.DeclareAllAsync(sandbox, tenant, Ct);
        await Wait.ForReadyAsync<AuthServer>(sandbox.Client, tenant.Namespace, ChaosTopology.AuthServerName, Ct);
        var standby = (await second.GetAsync("metrics", Ct))!.Value.Body;
        var readyBeforeKill = (await ClusterObjects.ReadAsync(sandbox.Client, Ct)).Clients.Count(c => c.Status.Conditions.Any(x => x is { Type: "Ready", Status: "True" }));
        await first.KillAsync();
        var killed = System.Diagnostics.Stopwatch.StartNew();
        sandbox.Konnect.SetFaults(Sandbox.Konnect.EmulatorFaults.None);

        var successor = await Poll.MatchAsync(() => LeaseHolder.ReadAsync(sandbox, LeaseNamespace, Ct), h => h is not null && h != leader, h => h ?? "none", "the standby to take the lease", Wait.Timeout, Ct);
        var takeover = killed.Elapsed;
        // The Lease is written before the new leader logs that it took it: wait for the line, then compare.
        var logged = await Poll.MatchAsync(() => Task.FromResult(LeaseHolder.IdentityOf(second)), h => h is not null, h => h ?? "none", "the standby to log that it leads", Wait.Timeout, Ct);
        Assert.Equal(successor, logged);
        var objects = await Poll.MatchAsync(
            () => ClusterObjects.ReadAsync(sandbox.Client, Ct),
            o => o.Count == ChaosTopology.ObjectCount(tenant) && o.NotReady().Count == 0,
            o => string.Join("; ", o.NotReady()),
            "every object Ready under the new leader",
            Wait.Timeout,
            Ct);

        var converged = killed.Elapsed;

        // A new standby (the restarted pod) stays passive too.
        await using var third = await ChaosOperator.StartAsync(Replica("replica-a-restarted.log"), Ct);
        await Quiescence.WaitAsync(second, objects.Count, Ct);
        await Poll.UntilAsync(async () => (await third.GetAsync("readyz", Ct))?.Status == System.Net.HttpStatusCode.OK, "the new standby's caches synced", Wait.Timeout, Ct);
        var newStandby = (await third.GetAsync("metrics", Ct))!.Value.Body;

        Assert.True(readyBeforeKill < tenant.Clients.Count, $"the leader was killed with work in flight ({readyBeforeKill} Clients Ready)");
        Assert.Equal(0, PrometheusText.Sum(standby, "controller_runtime_reconcile_total"));
        Assert.Equal(0, PrometheusText.Sum(standby, "konnect_requests_total"));
        Assert.Equal(0, PrometheusText.Sum(newStandby, "controller_runtime_reconcile_total"));
        Assert.Equal(0, PrometheusText.Sum(newStandby, "konnect_requests_total"));
        Assert.True(PrometheusText.Sum((await second.GetAsync("metrics", Ct))!.Value.Body, "controller_runtime_reconcile_total") > 0, "the successor reconciled");

        var inventory = RemoteInventory.Compare(sandbox.Konnect.Snapshot(), objects.AuthServers, objects.Scopes, objects.Claims, objects.Clients, objects.Policies);
        Assert.Empty(inventory.Problems);
        Assert.Equal(1, konnect.Calls.Count(c => c is { Method: "POST", Path: "/v1/auth-servers", Status: >= 200 and < 300 }));
        foreach (var client in tenant.Clients)
        {
            var secret = await sandbox.Client.GetAsync<V1Secret>(client.SecretName, client.Namespace, Ct);
            Assert.Empty((await CredentialsCheck.RunAsync(client, tenant, secret, objects.AuthServers[0].Status.Id, sandbox.Konnect, Ct)).Problems);
        }

        await second.KillAsync();
        await third.KillAsync();
        await LeakAudit.AssertCleanAsync(sandbox, work, [token], Ct);
        Artifacts.Write("leader-election.txt",
        [
            $"Clients Ready when the leader was SIGKILLed: {readyBeforeKill}/{tenant.Clients.Count}",
            $"kill to successor holding the Lease: {takeover.TotalSeconds:F1} s (Lease duration 15 s, not released by a killed leader)",
            $"kill to every object Ready: {converged.TotalSeconds:F1} s",
            $"standby before the kill: {PrometheusText.Sum(standby, "controller_runtime_reconcile_total")} reconciles, {PrometheusText.Sum(standby, "konnect_requests_total")} Konnect calls",
            $"auth server creates accepted by Konnect: {konnect.Calls.Count(c => c is { Method: "POST", Path: "/v1/auth-servers", Status: >= 200 and < 300 })}",
        ]);
    }
}
