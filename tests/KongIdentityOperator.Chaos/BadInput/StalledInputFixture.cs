using System.Security.Cryptography;
using System.Text.Json.Nodes;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Chaos.Security;

namespace KongIdentityOperator.Chaos.BadInput;

/// <summary>
/// Runs every <see cref="StalledCase"/> at once against one operator process (no default token, resync at its default
/// 10 minutes), each in a namespace of its own with a token of its own, then measures a quiet window: the Konnect calls
/// each bad object makes once it has stalled. The rows of <see cref="StalledInputTests"/> assert on the outcomes.
/// </summary>
public sealed class StalledInputFixture : IAsyncLifetime
{
    /// <summary>The measured window: long against any retry backoff, short against the 10-minute resync.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(20);

    private readonly WorkDirectory _work = new("bad-input");
    private readonly Dictionary<string, StalledOutcome> _outcomes = new(StringComparer.Ordinal);
    private ChaosSandbox? _sandbox;
    private HttpTap? _tap;
    private HttpClient? _kube;

    internal IReadOnlyDictionary<string, StalledOutcome> Outcomes => _outcomes;

    internal IReadOnlyList<string> Leaks { get; private set; } = [];

    /// <summary>Konnect calls in the window from everything in the cluster (helpers at rest included).</summary>
    internal int TotalCallsInWindow { get; private set; }

    internal int LeakSecretsWatched { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var cases = StalledCases.All;
        var suffix = RandomNumberGenerator.GetHexString(16, lowercase: true);
        var tokens = cases.Select((_, i) => $"kpat_case{i:00}_{suffix}").ToList();
        var others = cases.Select((_, i) => $"kpat_other{i:00}_{suffix}").ToList();
        _sandbox = await ChaosSandbox.StartAsync([.. tokens, .. others], _work, ct);
        _tap = await HttpTap.StartAsync(_sandbox.Konnect.BaseAddress, ct);
        _kube = new HttpClient { BaseAddress = _sandbox.Kube.BaseAddress };
        var contexts = new List<StalledContext>();
        for (var i = 0; i < cases.Count; i++)
        {
            var context = new StalledContext(_sandbox, _kube, $"bad-{i:00}", tokens[i], others[i], ct);
            await _sandbox.CreateNamespaceAsync(context.Namespace, tokens[i], ct);
            await _sandbox.CreateNamespaceAsync(context.OtherNamespace, others[i], ct);
            contexts.Add(context);
        }

        await using var process = await ChaosOperator.StartAsync(_sandbox.Launch(_work, "operator.log") with { KonnectServerUrl = _tap.BaseAddress }, ct);
        var created = await Task.WhenAll(cases.Select((c, i) => ArrangeAndCreateAsync(c, contexts[i], ct)));
        var reached = await Task.WhenAll(cases.Select((c, i) => ReachAsync(c, contexts[i], ct)));

        // Quiet window: whatever a stalled object still costs now, it costs for as long as it stays stalled.
        await Quiescence.WaitAsync(process, cases.Count, ct);
        var windowStart = _tap.Calls.Count;
        var started = DateTime.UtcNow;
        await Task.Delay(Window, ct);
        var windowEnd = _tap.Calls.Count;
        var windowSeconds = (DateTime.UtcNow - started).TotalSeconds;

        var calls = _tap.Calls;
        TotalCallsInWindow = windowEnd - windowStart;
        for (var i = 0; i < cases.Count; i++)
        {
            var context = contexts[i];
            var mine = TokenFingerprint.Of(context.AttributionToken);
            var since = calls.Skip(created[i]).Where(c => c.Token == mine && cases[i].IsMine(c.Path)).ToList();
            var inWindow = calls.Skip(windowStart).Take(windowEnd - windowStart).Where(c => c.Token == mine && cases[i].IsMine(c.Path)).ToList();
            context.Notes["other-token-calls"] = calls.Skip(created[i]).Count(c => c.Token == TokenFingerprint.Of(context.OtherToken)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var problems = cases[i].Verify is { } verify ? await verify(context) : [];
            _outcomes[cases[i].Name] = new StalledOutcome(
                cases[i].Name,
                reached[i].Reached,
                reached[i].Observed,
                since.Count,
                since.Count(c => c.IsWrite && c.Status is >= 200 and < 300),
                inWindow.Count,
                inWindow.Count(c => c.IsWrite),
                windowSeconds,
                problems);
        }

        await process.KillAsync();
        await ScanForLeaksAsync(tokens, others, contexts, ct);
        WriteArtifact();
    }

    public async ValueTask DisposeAsync()
    {
        _kube?.Dispose();
        if (_tap is not null)
        {
            await _tap.DisposeAsync();
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        _work.Dispose();
    }

    /// <summary>The per-case numbers as a Markdown table in <c>CHAOS_ARTIFACTS</c> (set by <c>make chaos</c>), for docs/reliability.md.</summary>
    private void WriteArtifact()
    {
        var folder = Environment.GetEnvironmentVariable("CHAOS_ARTIFACTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        var rows = StalledCases.All.Select(c => (Case: c, Outcome: _outcomes[c.Name]))
            .Select(r => $"| {r.Case.Name} | {r.Case.ConditionType}={r.Case.Status} `{r.Case.Reason}` | {r.Outcome.CallsSinceCreated} | {r.Outcome.CallsInWindow} | {r.Outcome.CallsPerMinute} | {r.Outcome.WritesAccepted} |");
        File.WriteAllLines(Path.Combine(folder, "bad-input.md"),
        [
            $"Window: {Window.TotalSeconds:F0} s; all Konnect calls in the window: {TotalCallsInWindow}",
            string.Empty,
            "| Case | Condition | Konnect calls since created | Calls in window | Calls/min | Writes accepted |",
            "|---|---|---|---|---|---|",
            .. rows,
        ]);
    }

    /// <returns>The tap's call count just before the bad object was created.</returns>
    private async Task<int> ArrangeAndCreateAsync(StalledCase @case, StalledContext context, CancellationToken cancellationToken)
    {
        await @case.Arrange(context);
        var before = _tap!.Calls.Count;
        await context.CreateAsync(@case.Manifest(context));
        return before;
    }

    private static async Task<(bool Reached, string Observed)> ReachAsync(StalledCase @case, StalledContext context, CancellationToken cancellationToken)
    {
        var path = $"apis/identity.konghq.com/v1alpha1/namespaces/{context.Namespace}/{@case.Resource}/{@case.ObjectName}";
        var deadline = DateTime.UtcNow + Wait.Timeout;
        var observed = "absent";
        while (DateTime.UtcNow < deadline)
        {
            if (await context.ReadAsync(path) is { } text)
            {
                var stored = JsonNode.Parse(text)!;
                var conditions = stored["status"]?["conditions"]?.AsArray() ?? [];
                observed = string.Join("; ", conditions.Select(c => $"{c!["type"]}={c["status"]} {c["reason"]}: {c["message"]}"));
                var current = stored["status"]?["observedGeneration"]?.GetValue<long>() == stored["metadata"]!["generation"]!.GetValue<long>();
                var match = conditions.FirstOrDefault(c => c!["type"]!.GetValue<string>() == @case.ConditionType);
                if (current && match is not null
                    && match["status"]!.GetValue<string>() == @case.Status
                    && match["reason"]!.GetValue<string>() == @case.Reason
                    && match["message"]!.GetValue<string>().Contains(@case.MessagePart, StringComparison.Ordinal))
                {
                    return (true, observed);
                }
            }

            await Task.Delay(250, cancellationToken);
        }

        return (false, observed);
    }

    /// <summary>No token of any case, and no client secret the operator wrote, in its log, Events or statuses.</summary>
    private async Task ScanForLeaksAsync(IEnumerable<string> tokens, IEnumerable<string> others, IEnumerable<StalledContext> contexts, CancellationToken cancellationToken)
    {
        var scanner = new LeakScanner();
        foreach (var token in tokens.Concat(others).Concat(contexts.Select(c => c.AttributionToken)))
        {
            scanner.Watch("a Konnect token", token);
        }

        foreach (var secret in await _sandbox!.Client.ListAsync<k8s.Models.V1Secret>(cancellationToken: cancellationToken))
        {
            if (secret.Data?.TryGetValue("client_secret", out var value) == true)
            {
                scanner.Watch("a client secret", System.Text.Encoding.UTF8.GetString(value));
            }
        }

        await ClusterText.ScanAsync(_sandbox, scanner, cancellationToken);
        scanner.ScanFile(_work.File("operator.log"));
        Leaks = scanner.Findings;
        LeakSecretsWatched = scanner.SecretsWatched;
    }
}
