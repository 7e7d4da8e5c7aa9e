using System.Security.Cryptography;
using k8s.Models;
using KongIdentityOperator.Chaos.Chaos;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Chaos.Security;
using KongIdentityOperator.Entities;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Chaos.Restarts;

/// <summary>
/// A restarted operator whose informers do not all sync at once (the API server answers one kind's list later than
/// another's, as a loaded server does). Deterministic versions of what the chaos run hit at random: a controller that
/// acts before the caches it reads are filled mistakes "not listed yet" for "does not exist".
/// </summary>
public sealed class RestartWithLateCachesTests : IAsyncLifetime
{
    private readonly string _token = "kpat_restart_" + RandomNumberGenerator.GetHexString(24, lowercase: true);
    private readonly TenantPlan _tenant = TenantSetup.Small();
    private WorkDirectory _work = null!;
    private ChaosSandbox _sandbox = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _work = new WorkDirectory("restart-" + TestContext.Current.Test!.TestDisplayName.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        _sandbox = await ChaosSandbox.StartAsync([_token], _work, Ct);
        await TenantSetup.CreateGatewayServicesAsync(_sandbox, _token, [_tenant], Ct);
        await _sandbox.CreateNamespaceAsync(_tenant.Namespace, _token, Ct);
        await TenantSetup.DeclareAllAsync(_sandbox, _tenant, Ct);
        await using var first = await ChaosOperator.StartAsync(_sandbox.Launch(_work, "operator-first.log"), Ct);
        await Poll.MatchAsync(
            () => ClusterObjects.ReadAsync(_sandbox.Client, Ct),
            o => o.Count == ChaosTopology.ObjectCount(_tenant) && o.NotReady().Count == 0,
            o => string.Join("; ", o.NotReady()),
            "the tenant Ready",
            Wait.Timeout,
            Ct);
        await Poll.UntilAsync(
            async () => (await _sandbox.Client.GetAsync<V1Secret>(ChaosSandbox.TokenSecretName, _tenant.Namespace, Ct))?.Metadata.Finalizers?.Contains("identity.konghq.com/token-in-use") == true,
            "the token Secret guarded",
            Wait.Timeout,
            Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task Restarted_while_a_tenant_and_its_token_Secret_are_deleted_the_token_outlives_every_cleanup()
    {
        // kubectl delete -f of the whole folder, token Secret included, while no operator runs.
        var objects = await ClusterObjects.ReadAsync(_sandbox.Client, Ct);
        await DeleteAllAsync(objects);
        await Writes.DeleteAsync<V1Secret>(_sandbox.Client, ChaosSandbox.TokenSecretName, _tenant.Namespace, Ct);

        // The AuthServer and policy lists come 3 s after the Secret list: the token guard must not decide before them.
        await using var kubeTap = await HttpTap.StartAsync(_sandbox.Kube.BaseAddress, Ct, HoldBackLists(("authservers", 3), ("upstreamoauthpolicies", 3)));
        await using var restarted = await ChaosOperator.StartAsync(ThroughTap(kubeTap, "operator-restarted.log"), Ct);

        await Poll.MatchAsync(
            () => ClusterObjects.ReadAsync(_sandbox.Client, Ct),
            o => o.Count == 0,
            o => $"{o.Count} left: " + string.Join("; ", o.NotReady()),
            "every object deleted (each cleanup had the token it needed)",
            Wait.Timeout,
            Ct);
        await Wait.ForGoneAsync<V1Secret>(_sandbox.Client, _tenant.Namespace, ChaosSandbox.TokenSecretName, Ct);
        var konnect = _sandbox.Konnect.Snapshot();
        Assert.Empty(konnect.AuthServers);
        Assert.Empty(konnect.AllPlugins);
        await restarted.KillAsync();
        await LeakAudit.AssertCleanAsync(_sandbox, _work, [_token], Ct);
    }

    [Fact]
    public async Task Restarted_with_caches_that_sync_late_no_Ready_object_flaps_and_nothing_is_written_to_Konnect()
    {
        var before = (await _sandbox.Client.ListWithResourceVersionAsync<Scope>(_tenant.Namespace, cancellationToken: Ct)).ResourceVersion!;
        var konnectWrites = _sandbox.Konnect.Requests.ByRoute.Where(r => !r.Key.StartsWith("GET ", StringComparison.Ordinal)).Sum(r => r.Value);
        await using var flaps = ReadyFlaps.Start(_sandbox.Client, _tenant.Namespace, before);

        // Scopes and Clients are listed 2 s late, AuthServers 4 s late: their dependents' controllers would start first.
        await using var kubeTap = await HttpTap.StartAsync(_sandbox.Kube.BaseAddress, Ct, HoldBackLists(("authservers", 4), ("scopes", 2), ("clients", 2)));
        await using var restarted = await ChaosOperator.StartAsync(ThroughTap(kubeTap, "operator-restarted.log"), Ct);
        var objects = await ClusterObjects.ReadAsync(_sandbox.Client, Ct);
        await Quiescence.WaitAsync(restarted, objects.Count, Ct);

        Assert.Empty(flaps.Flaps);
        Assert.Empty((await ClusterObjects.ReadAsync(_sandbox.Client, Ct)).NotReady());
        Assert.Equal(konnectWrites, _sandbox.Konnect.Requests.ByRoute.Where(r => !r.Key.StartsWith("GET ", StringComparison.Ordinal)).Sum(r => r.Value));
        await restarted.KillAsync();
        await LeakAudit.AssertCleanAsync(_sandbox, _work, [_token], Ct);
    }

    /// <summary>Holds back the list (not the watch) of the named custom resources by the given seconds.</summary>
    private static Func<HttpRequest, TimeSpan> HoldBackLists(params (string Plural, int Seconds)[] lists) => request =>
    {
        if (request.Method != "GET" || request.Query.ContainsKey("watch"))
        {
            return TimeSpan.Zero;
        }

        var match = lists.FirstOrDefault(l => request.Path.Value!.EndsWith("/" + l.Plural, StringComparison.Ordinal));
        return TimeSpan.FromSeconds(match.Seconds);
    };

    private OperatorLaunch ThroughTap(HttpTap kubeTap, string logName)
    {
        var kubeconfig = _work.File("kubeconfig-tap");
        kubeTap.WriteKubeconfig(kubeconfig);
        return _sandbox.Launch(_work, logName) with { Kubeconfig = kubeconfig };
    }

    private async Task DeleteAllAsync(ClusterObjects objects)
    {
        foreach (var o in objects.Policies)
        {
            await Writes.DeleteAsync<UpstreamOAuthPolicy>(_sandbox.Client, o.Metadata.Name, o.Metadata.NamespaceProperty, Ct);
        }

        foreach (var o in objects.Clients)
        {
            await Writes.DeleteAsync<KongIdentityOperator.Entities.Client>(_sandbox.Client, o.Metadata.Name, o.Metadata.NamespaceProperty, Ct);
        }

        foreach (var o in objects.Claims)
        {
            await Writes.DeleteAsync<Claim>(_sandbox.Client, o.Metadata.Name, o.Metadata.NamespaceProperty, Ct);
        }

        foreach (var o in objects.Scopes)
        {
            await Writes.DeleteAsync<Scope>(_sandbox.Client, o.Metadata.Name, o.Metadata.NamespaceProperty, Ct);
        }

        foreach (var o in objects.AuthServers)
        {
            await Writes.DeleteAsync<AuthServer>(_sandbox.Client, o.Metadata.Name, o.Metadata.NamespaceProperty, Ct);
        }
    }
}
