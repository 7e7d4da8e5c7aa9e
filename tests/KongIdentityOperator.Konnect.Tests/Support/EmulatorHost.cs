using KongIdentityOperator.Konnect.Observability;
using KongIdentityOperator.Konnect.RateLimiting;
using KongIdentityOperator.Sandbox.Konnect;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Konnect.Tests.Support;

/// <summary>
/// A Konnect emulator on 127.0.0.1 (any free port) and the client as the operator gets it from DI, over real HTTP.
/// Both can share one <see cref="TimeProvider"/>, so a test can fake the time both sides see.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    public const string Token = "kpat_emulator_test_token";

    public const string SecondToken = "spat_emulator_second_token";

    private readonly ServiceProvider _services;

    private EmulatorHost(KonnectEmulator emulator, TimeProvider time, Action<KonnectClientOptions>? configure)
    {
        Emulator = emulator;
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton<IKonnectCallObserver>(Observer);
        services.AddKonnectClient(options =>
        {
            // Real time passes in most of these tests: keep backoff short.
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            options.RetryMaxDelay = TimeSpan.FromMilliseconds(200);
            configure?.Invoke(options);
        });
        _services = services.BuildServiceProvider();
    }

    public KonnectEmulator Emulator { get; }

    public RecordingObserver Observer { get; } = new();

    public IKonnectRateLimitMetrics RateLimits => _services.GetRequiredService<IKonnectRateLimitMetrics>();

    public static async Task<EmulatorHost> StartAsync(
        TimeProvider? time = null, Action<KonnectClientOptions>? configure = null, EmulatorFaults? faults = null)
    {
        var clock = time ?? TimeProvider.System;
        var emulator = await KonnectEmulator.StartAsync(
            new KonnectEmulatorOptions { Tokens = [Token, SecondToken], SeedTutorial = true, TimeProvider = clock, Faults = faults ?? EmulatorFaults.None },
            TestContext.Current.CancellationToken);
        return new EmulatorHost(emulator, clock, configure);
    }

    public IKonnectClient Client(string token = Token) =>
        _services.GetRequiredService<IKonnectClientFactory>().For(new KonnectConnection(Emulator.BaseAddress, token));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
