using k8s;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Hosting;
using KongIdentityOperator.Runtime.Tests.TestEntities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Runtime.Tests.Integration;

/// <summary>A real <see cref="IHost"/> running the runtime against the test cluster.</summary>
internal sealed class OperatorHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private OperatorHost(IHost host)
    {
        _host = host;
    }

    public IServiceProvider Services => _host.Services;

    public ReconcileRecorder Recorder => Services.GetRequiredService<ReconcileRecorder>();

    public WidgetBehavior Behavior => Services.GetRequiredService<WidgetBehavior>();

    public IEntityCache<Widget> Widgets => Services.GetRequiredService<IEntityCache<Widget>>();

    public Uri Endpoint => Services.GetRequiredService<OperatorEndpoints>().BaseAddress ?? throw new InvalidOperationException("The endpoint is not started.");

    public static async Task<OperatorHost> StartAsync(
        KubernetesClientConfiguration configuration,
        Action<OperatorSettings>? configure,
        Action<IOperatorBuilder>? register,
        Action<WidgetBehavior>? behave,
        TimeSpan? shutdownTimeout)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddProvider(new TestOutputLoggerProvider(TestContext.Current.TestOutputHelper));
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout ?? TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(configuration);
        builder.Services.AddSingleton<ReconcileRecorder>();
        var behavior = new WidgetBehavior();
        behave?.Invoke(behavior);
        builder.Services.AddSingleton(behavior);

        var operatorBuilder = builder.Services.AddKubernetesOperator(settings =>
        {
            settings.Name = "runtime-tests";
            settings.Endpoints.BindAddress = "127.0.0.1";
            settings.Endpoints.Port = 0;
            settings.ResyncPeriod = TimeSpan.Zero;
            settings.ErrorBackoffBase = TimeSpan.FromMilliseconds(100);
            settings.ErrorBackoffMax = TimeSpan.FromSeconds(2);
            settings.WatchBackoffBase = TimeSpan.FromMilliseconds(100);
            settings.WatchBackoffMax = TimeSpan.FromSeconds(1);
            configure?.Invoke(settings);
        });
        if (register is null)
        {
            operatorBuilder.AddController<WidgetController, Widget>();
        }
        else
        {
            register(operatorBuilder);
        }

        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new OperatorHost(host);
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
