using System.Diagnostics;
using System.Security.Cryptography;
using k8s.Models;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Chaos.Security;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Client;
using Client = KongIdentityOperator.Entities.Client;

namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>
/// One chaos run, measured: tenants are declared while the sandbox injects faults and the operator process is
/// SIGKILLed at seeded random moments and restarted; faults then stop, everything must converge and be checked
/// object by object; then everything is deleted (under faults and kills again) and Konnect must be empty. The
/// outcome holds the numbers; the test asserts on them.
/// </summary>
internal sealed class ChaosRun(ChaosProfile profile, WorkDirectory work, Action<string> log)
{
    private readonly Random _random = new(profile.Seed);
    private readonly List<string> _problems = [];
    private readonly List<(string Source, string Body)> _endpointBodies = [];
    private readonly List<OperatorProcess> _started = [];
    private int _incarnation;
    private int _restarts;
    private int _killsWithWorkInFlight;
    private int _notReadyAtKills;

    public async Task<ChaosOutcome> ExecuteAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(cancellationToken);
        }
        finally
        {
            // No operator outlives the run, whatever failed.
            foreach (var started in _started)
            {
                await started.DisposeAsync();
            }
        }
    }

    private async Task<ChaosOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        log($"chaos run: profile {profile.Name}, seed {profile.Seed} (replay with CHAOS_SEED={profile.Seed})");
        var tenants = ChaosTopology.Plan(profile, _random);
        var token = "kpat_chaos_" + RandomNumberGenerator.GetHexString(32, lowercase: true);

        await using var sandbox = await ChaosSandbox.StartAsync([token], work, cancellationToken, profile.Seed);
        await using var tap = await HttpTap.StartAsync(sandbox.Konnect.BaseAddress, cancellationToken);
        await TenantSetup.CreateGatewayServicesAsync(sandbox, token, tenants, cancellationToken);
        foreach (var tenant in tenants)
        {
            await sandbox.CreateNamespaceAsync(tenant.Namespace, token, cancellationToken);
        }

        await using var history = SecretHistory.Start(sandbox.Client);
        // Every incarnation logs to a file of its own (StartOperatorAsync names it).
        var launch = sandbox.Launch(work, "operator.log") with { KonnectServerUrl = tap.BaseAddress };

        // Phase 1: declare everything while faults run and the operator is killed.
        var chaos = Stopwatch.StartNew();
        await using var faults = new FaultDriver(sandbox, profile.Seed + 1);
        faults.Start();
        foreach (var tenant in tenants)
        {
            await TenantSetup.DeclareBaseAsync(sandbox, tenant, cancellationToken);
        }

        var current = await StartOperatorAsync(launch, cancellationToken);
        var wave = 0;
        for (var kill = 0; kill < profile.Kills; kill++)
        {
            if (wave < profile.ClientWaves)
            {
                await CreateWaveAsync(sandbox, tenants, wave++, cancellationToken);
            }

            current = await KillAndRestartAsync(current, launch, profile.MinUptime, profile.MaxUptime, cancellationToken, sandbox, midFlight: kill == 0);
        }

        while (wave < profile.ClientWaves)
        {
            await CreateWaveAsync(sandbox, tenants, wave++, cancellationToken);
        }

        await faults.StopAsync();
        var chaosSeconds = chaos.Elapsed.TotalSeconds;

        // Phase 2: faults off; everything converges and is checked.
        var converging = Stopwatch.StartNew();
        var expected = tenants.Sum(ChaosTopology.ObjectCount);
        var objects = await Poll.MatchAsync(
            () => ClusterObjects.ReadAsync(sandbox.Client, cancellationToken),
            o => o.Count == expected && o.NotReady().Count == 0,
            o => $"{o.Count}/{expected} objects, not ready: {string.Join("; ", o.NotReady().Take(10))}",
            "every object Ready",
            profile.ConvergenceTimeout,
            cancellationToken,
            TimeSpan.FromSeconds(1));
        var convergenceSeconds = converging.Elapsed.TotalSeconds;
        log($"converged {expected} objects {convergenceSeconds:F1} s after the faults stopped");

        var inventory = RemoteInventory.Compare(sandbox.Konnect.Snapshot(), objects.AuthServers, objects.Scopes, objects.Claims, objects.Clients, objects.Policies);
        _problems.AddRange(inventory.Problems);
        var (credentialProblems, secretsLost, tokens) = await CheckCredentialsAsync(sandbox, tenants, objects, token, cancellationToken);
        var pluginProblems = await CheckPluginsAsync(sandbox, tenants, objects, cancellationToken);
        var changed = history.Values.Where(v => v.Value.Count > 1).Select(v => v.Key).ToList();
        _problems.AddRange(changed.Select(key => $"Secret {key} held {history.Values[key].Count} different client secrets without a rotation"));

        var steadyFrom = tap.Calls.Count;
        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        var steadyWrites = tap.Calls.Skip(steadyFrom).Count(c => c.IsWrite);
        if (steadyWrites > 0)
        {
            _problems.Add($"{steadyWrites} Konnect writes in 10 s after convergence (steady state must write nothing)");
        }

        var scanner = new LeakScanner().Watch("the Konnect token", token);
        await ClusterText.ScanAsync(sandbox, scanner, cancellationToken);
        await ScrapeAsync(current, cancellationToken);

        // Phase 3: delete everything under faults and kills; Konnect must end up holding nothing the operator made.
        var deleting = Stopwatch.StartNew();
        faults.Start();
        await DeleteEverythingAsync(sandbox, tenants, objects, cancellationToken);
        for (var kill = 0; kill < profile.KillsDuringDeletion; kill++)
        {
            current = await KillAndRestartAsync(current, launch, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), cancellationToken);
        }

        await faults.StopAsync();
        await Poll.MatchAsync(
            async () => (await ClusterObjects.ReadAsync(sandbox.Client, cancellationToken)).Count
                + (await sandbox.Client.ListAsync<V1Secret>(cancellationToken: cancellationToken)).Count(s => s.Metadata.NamespaceProperty.StartsWith("tenant-", StringComparison.Ordinal)),
            left => left == 0,
            left => $"{left} objects and Secrets left",
            "everything deleted",
            profile.ConvergenceTimeout,
            cancellationToken,
            TimeSpan.FromSeconds(1));
        var deletionSeconds = deleting.Elapsed.TotalSeconds;
        var after = sandbox.Konnect.Snapshot();
        var left = after.AuthServers.Count + after.AllPlugins.Count();
        _problems.AddRange(after.AuthServers.Select(a => $"auth server {a.Name} still in Konnect after deletion"));
        _problems.AddRange(after.AllPlugins.Select(p => $"plugin {p.Id} still in Konnect after deletion"));

        await ScrapeAsync(current, cancellationToken);
        await current.KillAsync();

        // Everything the operator said, wrote or served, scanned for every secret it ever held.
        foreach (var value in history.AllValues)
        {
            scanner.Watch("a client secret", value);
        }

        await ClusterText.ScanAsync(sandbox, scanner, cancellationToken);
        foreach (var file in Directory.GetFiles(work.Path, "operator-*.log"))
        {
            scanner.ScanFile(file);
        }

        foreach (var (source, body) in _endpointBodies)
        {
            scanner.Scan(source, body);
        }

        _problems.AddRange(scanner.Findings);
        var calls = tap.Calls;
        return new ChaosOutcome
        {
            Profile = profile.Name,
            Seed = profile.Seed,
            StartedAt = startedAt,
            Machine = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}",
            AuthServers = objects.AuthServers.Count,
            Scopes = objects.Scopes.Count,
            Claims = objects.Claims.Count,
            Clients = objects.Clients.Count,
            Policies = objects.Policies.Count,
            Kills = profile.Kills,
            KillsDuringDeletion = profile.KillsDuringDeletion,
            Restarts = _restarts,
            KillsWithWorkInFlight = _killsWithWorkInFlight,
            NotReadyAtKills = _notReadyAtKills,
            WatchDrops = faults.WatchDrops,
            ApiConflictsArmed = faults.ConflictsArmed,
            ApiConflictsSeenByOperator = sandbox.Kube.RequestLog.Count(r => r.StatusCode == 409 && !SuiteUserAgent.IsSuite(r.UserAgent)),
            ThrottleBursts = faults.ThrottleBursts,
            KonnectCalls = calls.Count,
            Konnect5xx = calls.Count(c => c.Status >= 500),
            Konnect429 = calls.Count(c => c.Status == 429),
            KonnectSlowCalls = calls.Count(c => c.Duration >= TimeSpan.FromSeconds(2)),
            ChaosPhaseSeconds = Math.Round(chaosSeconds, 1),
            ConvergenceAfterFaultsSeconds = Math.Round(convergenceSeconds, 1),
            ObjectsReady = objects.Count - objects.NotReady().Count,
            ObjectsTotal = objects.Count,
            RemoteObjectsExpected = inventory.Expected,
            Duplicates = inventory.Duplicates,
            Orphans = inventory.Orphans,
            Missing = inventory.Missing,
            AuthServerCreatesAccepted = calls.Count(c => c.Method == "POST" && c.Path == "/v1/auth-servers" && c.Status is >= 200 and < 300),
            SecretsLost = secretsLost + changed.Count,
            SecretValuesChanged = changed.Count,
            TokensVerified = tokens,
            CredentialProblems = credentialProblems.Count,
            PluginProblems = pluginProblems,
            SteadyStateWrites = steadyWrites,
            DeletionSeconds = Math.Round(deletionSeconds, 1),
            RemoteObjectsLeftAfterDeletion = left,
            LeaksFound = scanner.Findings.Count,
            SecretsScannedFor = scanner.SecretsWatched,
            LeakSourcesScanned = scanner.SourcesScanned,
            LeakCharactersScanned = scanner.CharactersScanned,
            Problems = [.. _problems],
        };
    }

    private async Task<OperatorProcess> StartOperatorAsync(OperatorLaunch launch, CancellationToken cancellationToken)
    {
        var file = work.File($"operator-{_incarnation++:00}.log");
        var started = await ChaosOperator.StartAsync(launch with { LogFile = file }, cancellationToken);
        _started.Add(started);
        log($"operator pid {started.Id} started ({Path.GetFileName(file)})");
        return started;
    }

    /// <summary>
    /// Lets the operator run for a seeded random while, then SIGKILLs it and starts a new one. A
    /// <paramref name="midFlight"/> kill is aimed instead: at the first moment a credentials Secret exists while objects
    /// are still converging (the crash between writing a Secret and Konnect hearing of it), at the latest after
    /// <paramref name="max"/>.
    /// </summary>
    private async Task<OperatorProcess> KillAndRestartAsync(
        OperatorProcess current, OperatorLaunch launch, TimeSpan min, TimeSpan max, CancellationToken cancellationToken, ChaosSandbox? converging = null, bool midFlight = false)
    {
        var uptime = TimeSpan.FromMilliseconds(_random.Next((int)min.TotalMilliseconds, (int)max.TotalMilliseconds + 1));
        int notReady;
        if (midFlight && converging is not null)
        {
            var aimed = Stopwatch.StartNew();
            notReady = await UntilMidFlightAsync(converging, max, cancellationToken);
            uptime = aimed.Elapsed;
        }
        else
        {
            await Task.Delay(uptime, cancellationToken);
            await ScrapeAsync(current, cancellationToken);
            notReady = converging is null ? 0 : (await ClusterObjects.ReadAsync(converging.Client, cancellationToken)).NotReady().Count;
        }

        var pid = current.Id;
        await current.DisposeAsync();
        if (notReady > 0)
        {
            _killsWithWorkInFlight++;
            _notReadyAtKills += notReady;
        }

        log($"SIGKILL pid {pid} after {uptime.TotalSeconds:F1} s{(converging is null ? string.Empty : $", {notReady} objects not Ready")}");
        _restarts++;
        return await StartOperatorAsync(launch, cancellationToken);
    }

    /// <returns>How many objects were not Ready at the chosen moment.</returns>
    private static async Task<int> UntilMidFlightAsync(ChaosSandbox sandbox, TimeSpan max, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + max;
        while (true)
        {
            var credentials = await sandbox.Client.ListAsync<V1Secret>(labelSelector: "app.kubernetes.io/managed-by=kong-identity-operator", cancellationToken: cancellationToken);
            var notReady = (await ClusterObjects.ReadAsync(sandbox.Client, cancellationToken)).NotReady().Count;
            if ((credentials.Count > 0 && notReady > 0) || DateTime.UtcNow > deadline)
            {
                return notReady;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private async Task ScrapeAsync(OperatorProcess current, CancellationToken cancellationToken)
    {
        foreach (var path in new[] { "metrics", "healthz", "readyz" })
        {
            if (await current.GetAsync(path, cancellationToken) is { } answer)
            {
                _endpointBodies.Add(($"/{path} of pid {current.Id}", answer.Body));
            }
        }
    }

    private async Task CreateWaveAsync(ChaosSandbox sandbox, IReadOnlyList<TenantPlan> tenants, int wave, CancellationToken cancellationToken)
    {
        foreach (var client in tenants.SelectMany(t => t.Clients).Where(c => c.Wave == wave))
        {
            await CreateAsync(sandbox, ChaosTopology.Client(client), cancellationToken);
        }

        if (wave == profile.ClientWaves - 1)
        {
            foreach (var tenant in tenants)
            {
                await CreateAsync(sandbox, ChaosTopology.Policy(tenant), cancellationToken);
            }
        }

        log($"wave {wave + 1}/{profile.ClientWaves} of Clients declared");
    }

    private static Task<T> CreateAsync<T>(ChaosSandbox sandbox, T entity, CancellationToken cancellationToken)
        where T : class, k8s.IKubernetesObject<V1ObjectMeta> => Writes.CreateAsync(sandbox.Client, entity, cancellationToken);

    /// <returns>What is wrong, how many Clients have no working secret, how many got a correct token.</returns>
    private async Task<(IReadOnlyList<string> Problems, int SecretsLost, int Tokens)> CheckCredentialsAsync(
        ChaosSandbox sandbox, IReadOnlyList<TenantPlan> tenants, ClusterObjects objects, string token, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var lost = 0;
        var tokens = 0;
        foreach (var tenant in tenants)
        {
            var authServerId = objects.AuthServers.Single(a => a.Metadata.NamespaceProperty == tenant.Namespace).Status.Id;
            foreach (var client in tenant.Clients)
            {
                var secret = await sandbox.Client.GetAsync<V1Secret>(client.SecretName, client.Namespace, cancellationToken);
                var verdict = await CredentialsCheck.RunAsync(client, tenant, secret, authServerId, sandbox.Konnect, cancellationToken);
                problems.AddRange(verdict.Problems);
                lost += verdict.SecretLost ? 1 : 0;
                tokens += verdict.Problems.Count == 0 ? 1 : 0;
            }
        }

        foreach (var tenant in tenants)
        {
            // The token Secret is not the operator's: it may guard it with a finalizer, never change what it holds.
            var tokenSecret = await sandbox.Client.GetAsync<V1Secret>(ChaosSandbox.TokenSecretName, tenant.Namespace, cancellationToken);
            if (tokenSecret?.Data is null || tokenSecret.Data.Count != 1 || !tokenSecret.Data.TryGetValue("token", out var held) || System.Text.Encoding.UTF8.GetString(held) != token)
            {
                problems.Add($"the token Secret of {tenant.Namespace} was changed");
            }
        }

        _problems.AddRange(problems);
        return (problems, lost, tokens);
    }

    /// <summary>Each tenant's plugin carries its Client's current credentials and scope names.</summary>
    private async Task<int> CheckPluginsAsync(ChaosSandbox sandbox, IReadOnlyList<TenantPlan> tenants, ClusterObjects objects, CancellationToken cancellationToken)
    {
        var before = _problems.Count;
        var plugins = sandbox.Konnect.Snapshot().AllPlugins.ToList();
        foreach (var tenant in tenants)
        {
            var policy = objects.Policies.Single(p => p.Metadata.NamespaceProperty == tenant.Namespace);
            var plugin = plugins.SingleOrDefault(p => p.Tags.Contains($"k8s-uid:{policy.Metadata.Uid}"));
            var secret = await sandbox.Client.GetAsync<V1Secret>(tenant.PolicyClient.SecretName, tenant.Namespace, cancellationToken);
            if (plugin is null || secret is null)
            {
                continue;
            }

            var oauth = plugin.Config.GetProperty("oauth");
            if (oauth.GetProperty("client_secret").GetString() != System.Text.Encoding.UTF8.GetString(secret.Data["client_secret"])
                || oauth.GetProperty("client_id").GetString() != System.Text.Encoding.UTF8.GetString(secret.Data["client_id"]))
            {
                _problems.Add($"UpstreamOAuthPolicy {tenant.Namespace}/{policy.Metadata.Name}: the plugin does not carry the Client's current credentials");
            }

            var scopes = oauth.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).Order(StringComparer.Ordinal);
            if (!scopes.SequenceEqual(tenant.PolicyClient.Scopes.Order(StringComparer.Ordinal)))
            {
                _problems.Add($"UpstreamOAuthPolicy {tenant.Namespace}/{policy.Metadata.Name}: plugin scopes [{string.Join(' ', scopes)}]");
            }
        }

        return _problems.Count - before;
    }

    /// <summary>Deletes every object and token Secret at once, in a random order (like <c>kubectl delete -f</c> of a folder).</summary>
    private async Task DeleteEverythingAsync(ChaosSandbox sandbox, IReadOnlyList<TenantPlan> tenants, ClusterObjects objects, CancellationToken cancellationToken)
    {
        var deletions = new List<Func<Task>>();
        deletions.AddRange(objects.AuthServers.Select(o => Delete<AuthServer>(o.Metadata)));
        deletions.AddRange(objects.Scopes.Select(o => Delete<Scope>(o.Metadata)));
        deletions.AddRange(objects.Claims.Select(o => Delete<Claim>(o.Metadata)));
        deletions.AddRange(objects.Clients.Select(o => Delete<Client>(o.Metadata)));
        deletions.AddRange(objects.Policies.Select(o => Delete<UpstreamOAuthPolicy>(o.Metadata)));
        deletions.AddRange(tenants.Select(t => Delete<V1Secret>(new V1ObjectMeta { Name = ChaosSandbox.TokenSecretName, NamespaceProperty = t.Namespace })));
        foreach (var delete in deletions.OrderBy(_ => _random.Next()))
        {
            await delete();
        }

        log($"{deletions.Count} deletions requested");

        Func<Task> Delete<T>(V1ObjectMeta metadata)
            where T : class, k8s.IKubernetesObject<V1ObjectMeta> =>
            () => Writes.DeleteAsync<T>(sandbox.Client, metadata.Name, metadata.NamespaceProperty, cancellationToken);
    }
}
