using System.Globalization;
using KongIdentityOperator.Bench.Sandbox;

namespace KongIdentityOperator.Bench.Scenarios;

/// <summary>What every scenario needs: the settings, where to write logs, and how to start the operator.</summary>
internal sealed record BenchContext(BenchOptions Options, string WorkDirectory, TextWriter Progress)
{
    /// <summary>Starts the operator against <paramref name="sandbox"/>, logging to <c>operator-&lt;name&gt;.log</c>.</summary>
    public OperatorProcess StartOperator(BenchSandbox sandbox, string name, params string[] arguments) =>
        Start(sandbox, name, ["--konnect-server-url", sandbox.Konnect.BaseAddress.ToString(), .. arguments]);

    /// <summary>Starts the operator without a server override: objects name their server, which must be one of <paramref name="servers"/>.</summary>
    public OperatorProcess StartOperatorFor(BenchSandbox sandbox, string name, IReadOnlyList<Uri> servers) =>
        Start(sandbox, name, ["--allowed-konnect-servers", string.Join(',', servers.Select(s => s.AbsoluteUri.TrimEnd('/')))]);

    private OperatorProcess Start(BenchSandbox sandbox, string name, string[] arguments)
    {
        var port = FreePort.Next();
        string[] all =
        [
            Options.OperatorDll, "--kubeconfig", sandbox.Kubeconfig,
            "--http-port", port.ToString(CultureInfo.InvariantCulture), "--leader-elect=false",
            .. arguments, "--max-concurrent-reconciles", Options.MaxConcurrentReconciles.ToString(CultureInfo.InvariantCulture),
        ];
        return OperatorProcess.Start(new OperatorStart(all, port, Path.Combine(WorkDirectory, $"operator-{name}.log")));
    }

    public void Say(string message) => Progress.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
