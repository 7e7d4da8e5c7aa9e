using k8s;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Hosting;
using KongIdentityOperator.Tests.Integration.Harness;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// The real operator (the executable's DI wiring) in-process, configured as <c>config/manager</c> runs it: every
/// namespace watched (or, as <c>config/namespaced</c> runs it, only the given ones) and leader election on, with the
/// Lease in the operator's namespace.
/// </summary>
internal sealed class HostedOperator : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private HostedOperator(IHost host, CapturedLogs logs)
    {
        _host = host;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public static async Task<HostedOperator> StartAsync(
        KubernetesClientConfiguration cluster, Uri konnect, string operatorNamespace, IReadOnlyList<string> namespaces, CancellationToken cancellationToken)
    {
        var options = new OperatorOptions
        {
            Namespaces = namespaces,
            KonnectServerUrl = konnect,
            HttpPort = 0,
            LeaderElect = true,
            LeaderElectionNamespace = operatorNamespace,
        };
        var logs = new CapturedLogs();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.Services.AddKongIdentityOperator(options, cluster);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new HostedOperator(host, logs);
    }

    /// <summary>Stops like a terminated pod: controllers drain, the leader releases its Lease.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
