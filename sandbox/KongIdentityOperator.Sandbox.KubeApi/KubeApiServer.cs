using System.Net;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Collection;
using KongIdentityOperator.Sandbox.KubeApi.Discovery;
using KongIdentityOperator.Sandbox.KubeApi.Http;
using KongIdentityOperator.Sandbox.KubeApi.Kubeconfig;
using KongIdentityOperator.Sandbox.KubeApi.OpenApi;
using KongIdentityOperator.Sandbox.KubeApi.Operations;
using KongIdentityOperator.Sandbox.KubeApi.Registry;
using KongIdentityOperator.Sandbox.KubeApi.Schema;
using KongIdentityOperator.Sandbox.KubeApi.Storage;
using KongIdentityOperator.Sandbox.KubeApi.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KongIdentityOperator.Sandbox.KubeApi;

/// <summary>
/// An in-memory Kubernetes API server on 127.0.0.1 that KubernetesClient and kubectl use like a real one:
/// CRUD with resourceVersion conflicts, status subresource, finalizers, patches, selectors, watches with
/// bookmarks and 410, CRD registration, discovery, OpenAPI and tables. See the README's fidelity table.
/// </summary>
public sealed class KubeApiServer : IAsyncDisposable
{
    private static readonly string[] InitialNamespaces = ["default", "kube-system", "kube-public"];

    private readonly WebApplication _app;
    private readonly RequestLog _log;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _background = [];
    private ITimer? _bookmarkTimer;

    private KubeApiServer(WebApplication app, KubeApiHooks hooks, RequestLog log)
    {
        _app = app;
        Hooks = hooks;
        _log = log;
    }

    /// <summary>The server's address, <c>http://127.0.0.1:&lt;port&gt;</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Fault injection: drop watches, fail writes, add latency, compact history, emit bookmarks.</summary>
    public KubeApiHooks Hooks { get; }

    /// <summary>Every request answered so far (except <c>/_sandbox/</c> ones), oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> RequestLog => _log.Snapshot();

    /// <summary>Starts the server and returns once it accepts connections.</summary>
    public static async Task<KubeApiServer> StartAsync(KubeApiServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var time = options.TimeProvider;
        var store = new ObjectStore(options.WatchHistorySize, options.WatchBufferSize, options.WatchHistoryWindow, time);
        var registry = new ResourceRegistry();
        var schema = new SchemaPipeline(loggerFactory.CreateLogger<SchemaPipeline>());
        var creator = new ObjectCreator(store, registry, schema, time);
        var updater = new ObjectUpdater(store, registry, schema, creator, time);
        var deleter = new ObjectDeleter(store, registry, time);
        var tables = new TableRenderer(time);
        var hooks = new KubeApiHooks(store);
        var log = new RequestLog();
        var resources = new ResourceHandler(store, creator, updater, deleter, new WatchHandler(store, tables, time), tables);
        var nonResources = new NonResourceHandler(new DiscoveryDocuments(registry), new OpenApiDocuments(registry));
        var dispatcher = new ApiDispatcher(
            registry, resources, nonResources, new SandboxEndpoints(hooks, log), hooks, log, time, loggerFactory.CreateLogger<ApiDispatcher>());

        foreach (var name in InitialNamespaces)
        {
            creator.Create(BuiltInResources.Namespaces, string.Empty, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } }, WriteContext.Internal);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
        });
        var app = builder.Build();
        app.Run(dispatcher.HandleAsync);

        var server = new KubeApiServer(app, hooks, log);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");

        if (options.GarbageCollection)
        {
            var collector = new GarbageCollector(store, registry, deleter, updater, time, options.GarbageCollectionInterval, loggerFactory.CreateLogger<GarbageCollector>());
            store.Committed += change =>
            {
                if (change.Type == ChangeType.Deleted || change.Object.IsTerminating)
                {
                    collector.Signal();
                }
            };
            server._background.Add(Task.Run(() => collector.RunAsync(server._stopping.Token), CancellationToken.None));
        }

        if (options.BookmarkInterval > TimeSpan.Zero)
        {
            server._bookmarkTimer = time.CreateTimer(_ => store.EmitBookmarks(), null, options.BookmarkInterval, options.BookmarkInterval);
        }

        return server;
    }

    /// <summary>Writes a kubeconfig for this server: cluster, user and context <c>sandbox</c>, a dummy token.</summary>
    public void WriteKubeconfig(string path, string @namespace = "default") =>
        KubeconfigWriter.Write(path, BaseAddress, @namespace);

    /// <summary>Forgets the requests logged so far.</summary>
    public void ClearRequestLog() => _log.Clear();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();

        // Open watches would otherwise hold Kestrel's graceful shutdown until its timeout.
        Hooks.DropAllWatches();
        if (_bookmarkTimer is not null)
        {
            await _bookmarkTimer.DisposeAsync();
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await Task.WhenAll(_background);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
