using KongIdentityOperator.Bench.Measurement;
using KongIdentityOperator.Bench.Sandbox;

namespace KongIdentityOperator.Bench.Scenarios;

/// <summary>What every scenario needs: the settings, where to write logs, and how to start the operator.</summary>
internal sealed record BenchContext(BenchOptions Options, string WorkDirectory, TextWriter Progress)
{
    /// <summary>Starts the operator against <paramref name="sandbox"/>, logging to <c>operator-&lt;name&gt;.log</c>.</summary>
    public OperatorProcess StartOperator(BenchSandbox sandbox, string name, params string[] arguments) =>
        OperatorProcess.Start(
            Options.OperatorDll,
            sandbox.Kubeconfig,
            sandbox.Konnect.BaseAddress,
            Path.Combine(WorkDirectory, $"operator-{name}.log"),
            [.. arguments, "--max-concurrent-reconciles", Options.MaxConcurrentReconciles.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>Starts the operator without a server override: objects name their server, which must be one of <paramref name="servers"/>.</summary>
    public OperatorProcess StartOperatorFor(BenchSandbox sandbox, string name, IReadOnlyList<Uri> servers) =>
        OperatorProcess.Start(
            Options.OperatorDll,
            sandbox.Kubeconfig,
            null,
            Path.Combine(WorkDirectory, $"operator-{name}.log"),
            ["--allowed-konnect-servers", string.Join(',', servers.Select(s => s.AbsoluteUri.TrimEnd('/'))), "--max-concurrent-reconciles", Options.MaxConcurrentReconciles.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    public void Say(string message) => Progress.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
