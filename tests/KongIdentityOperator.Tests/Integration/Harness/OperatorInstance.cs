using k8s;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Hosting;
using KongIdentityOperator.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>
/// The real operator (the same DI wiring as the executable) hosted in the test process, with its logs captured:
/// watching one test's namespace only, or configured as deployed. It can be stopped and started again like a
/// restarted pod. In-process, a test can change its services (<c>configure</c>), e.g. to put a fault in its HTTP client.
/// </summary>
public sealed class OperatorInstance : IOperatorInstance
{
    private readonly IHost _host;
    private bool _stopped;

    private OperatorInstance(IHost host, CapturedLogs logs)
    {
        _host = host;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public Uri? EndpointAddress => _host.Services.GetRequiredService<OperatorEndpoints>().BaseAddress;

    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// As <c>config/manager</c> runs it: every namespace watched (or, as <c>config/namespaced</c> runs it, only
    /// <paramref name="namespaces"/>) and leader election on, with the Lease in <paramref name="operatorNamespace"/>.
    /// </summary>
    public static Task<OperatorInstance> StartAsDeployedAsync(
        KubernetesClientConfiguration cluster, Uri konnect, string operatorNamespace, IReadOnlyList<string> namespaces, CancellationToken cancellationToken) =>
        StartAsync(
            new OperatorOptions { Namespaces = namespaces, KonnectServerUrl = konnect, HttpPort = 0, LeaderElect = true, LeaderElectionNamespace = operatorNamespace },
            cluster,
            cancellationToken);

    internal static async Task<OperatorInstance> StartAsync(
        OperatorOptions options,
        KubernetesClientConfiguration cluster,
        CancellationToken cancellationToken,
        Action<IServiceCollection>? configure = null,
        CapturedLogs? logs = null)
    {
        logs ??= new CapturedLogs();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.Services.AddKongIdentityOperator(options, cluster);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new OperatorInstance(host, logs);
    }

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

    /// <summary>Stops without letting in-flight reconciles finish: the closest an in-process host gets to a kill.</summary>
    public async Task KillAsync()
    {
        _stopped = true;
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        await _host.StopAsync(now.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
