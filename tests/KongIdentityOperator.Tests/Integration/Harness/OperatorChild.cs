using KongIdentityOperator.Configuration;

namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>
/// The operator executable (<see cref="OperatorBinary"/>) as a child process, started with the flags of the
/// <see cref="OperatorOptions"/> a test would otherwise host in-process. Its output feeds <see cref="Logs"/>; a kill is a
/// real SIGKILL and a stop a SIGTERM, as a pod gets them.
/// </summary>
internal sealed class OperatorChild : IOperatorInstance
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly OperatorProcess _process;
    private readonly OperatorFolder _folder;

    private OperatorChild(OperatorProcess process, OperatorFolder folder, CapturedLogs logs)
    {
        _process = process;
        _folder = folder;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public Uri? EndpointAddress => _process.Endpoint;

    /// <summary>The exit code once the process has ended (0 after a graceful stop, 137 after a SIGKILL), else null.</summary>
    public int? ExitCode => _process.ExitCode;

    /// <summary>Starts the executable and waits until <c>/readyz</c> says its caches are synced.</summary>
    public static async Task<OperatorChild> StartAsync(
        string binary, OperatorOptions options, ICluster cluster, CancellationToken cancellationToken, CapturedLogs? logs = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var folder = OperatorFolder.Create();
        var kubeconfig = folder.File("kubeconfig");
        var logFile = folder.File("operator.log");
        cluster.WriteKubeconfig(kubeconfig);
        logs ??= new CapturedLogs();
        var process = await OperatorProcess.StartUntilOkAsync(
            port => new OperatorStart(OperatorArguments.For(binary, options, kubeconfig, port), port, logFile)
            {
                Environment = OperatorArguments.Environment(options),
                Output = logs.Add,
            },
            "readyz",
            StartTimeout,
            TimeSpan.FromMilliseconds(100),
            cancellationToken);
        if (process is null)
        {
            folder.Dispose();
            throw new InvalidOperationException(
                $"{binary} did not become ready within {StartTimeout}; its last lines:\n{string.Join('\n', logs.Lines.TakeLast(30))}");
        }

        return new OperatorChild(process, folder, logs);
    }

    public Task StopAsync() => _process.StopAsync(StopTimeout);

    public Task KillAsync() => _process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _process.DisposeAsync();
        _folder.Dispose();
    }
}
