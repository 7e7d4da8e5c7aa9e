using System.Net;
using KongIdentityOperator.Sandbox.Konnect.Faults;
using KongIdentityOperator.Sandbox.Konnect.Hosting;
using KongIdentityOperator.Sandbox.Konnect.Issuer;
using KongIdentityOperator.Sandbox.Konnect.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>
/// An in-memory stand-in for Kong Konnect: Kong Identity (<c>/v1</c>), control planes and core entities (<c>/v2</c>),
/// and each auth server's issuer endpoints, served by Kestrel on 127.0.0.1 (or in memory, for unit tests).
/// </summary>
public sealed class KonnectEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FaultInjector _faults;
    private readonly SnapshotBuilder _snapshots;
    private readonly EmulatorReset _reset;
    private readonly EmulatorStore _store;

    private KonnectEmulator(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        _faults = app.Services.GetRequiredService<FaultInjector>();
        _snapshots = app.Services.GetRequiredService<SnapshotBuilder>();
        _reset = app.Services.GetRequiredService<EmulatorReset>();
        _store = app.Services.GetRequiredService<EmulatorStore>();
        Requests = app.Services.GetRequiredService<EmulatorRequestLog>();
    }

    private static readonly Uri InMemoryBaseAddress = new("http://konnect.in-memory/");

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c> (a placeholder host when started in memory).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Counts of received calls by method and route template.</summary>
    public EmulatorRequestLog Requests { get; }

    /// <summary>The faults in force (with the throttle count still to come).</summary>
    public EmulatorFaults Faults => _faults.Current;

    /// <summary>Starts listening; returns once the port is bound (and the tutorial seeded when asked).</summary>
    public static Task<KonnectEmulator> StartAsync(KonnectEmulatorOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(options, inMemory: false, cancellationToken);

    /// <summary>
    /// Starts the emulator without a socket: it is reached only through <see cref="CreateHandler"/>, for tests that
    /// drive a real Konnect client against it in-process. <see cref="BaseAddress"/> is a placeholder host.
    /// </summary>
    public static Task<KonnectEmulator> StartInMemoryAsync(KonnectEmulatorOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(options, inMemory: true, cancellationToken);

    /// <summary>A handler that sends requests straight to an emulator started with <see cref="StartInMemoryAsync"/>.</summary>
    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    private static async Task<KonnectEmulator> StartAsync(KonnectEmulatorOptions options, bool inMemory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Limits);
        var problems = options.Faults.Validate().Concat(options.Limits.Validate()).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(KonnectEmulator).Assembly.GetName().Name,
            EnvironmentName = "Production",
        });
        if (inMemory)
        {
            builder.WebHost.UseTestServer();
        }
        else
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddKonnectEmulator(options);
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        var app = builder.Build();
        EmulatorPipeline.Configure(app);
        await app.StartAsync(cancellationToken);
        var baseAddress = inMemory
            ? InMemoryBaseAddress
            : new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        app.Services.GetRequiredService<IssuerUrls>().BaseAddress = baseAddress;
        if (options.SeedTutorial)
        {
            app.Services.GetRequiredService<TutorialSeed>().Apply();
        }

        return new KonnectEmulator(app, baseAddress);
    }

    /// <summary>Replaces the faults in force (same as <c>POST /_emulator/faults</c>).</summary>
    public void SetFaults(EmulatorFaults faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var problems = faults.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(faults));
        }

        _faults.Set(faults);
    }

    /// <summary>A deep copy of all state (plugin configs included as stored; client secret values never).</summary>
    public EmulatorSnapshot Snapshot() => _snapshots.Build(redactPluginSecrets: false);

    /// <summary>Whether <paramref name="secret"/> is an enabled secret of the client (lets tests check a Secret against Konnect).</summary>
    public bool VerifyClientSecret(string authServerId, string clientId, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!Guid.TryParse(authServerId, out var id))
        {
            return false;
        }

        lock (_store.Gate)
        {
            return _store.AuthServers.TryGetValue(id, out var server)
                && server.Clients.TryGetValue(clientId, out var client)
                && client.Secrets.Any(s => s.Enabled && s.Matches(secret));
        }
    }

    /// <summary>Back to the start: state cleared (tutorial re-seeded if configured), counts zeroed, startup faults.</summary>
    public void Reset() => _reset.Reset();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
