using KongIdentityOperator.Konnect.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Konnect.Tests.Support;

/// <summary>
/// The client as the operator gets it from DI (<c>AddKonnectClient</c>), over a <see cref="StubHttpHandler"/> and a
/// <see cref="FakeTimeProvider"/>, with an observer and a log capture.
/// </summary>
public sealed class KonnectTestHost : IDisposable
{
    public static readonly Uri ServerUrl = new("https://us.api.konghq.com");

    public const string Token = "kpat_unit_test_token_0123456789";

    private readonly ServiceProvider _services;

    public KonnectTestHost(Action<KonnectClientOptions>? configure = null)
    {
        Handler = new StubHttpHandler(Time);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IKonnectCallObserver>(Observer);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddKonnectClient(configure)
            .ConfigurePrimaryHttpMessageHandler(() => Handler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public StubHttpHandler Handler { get; }

    public RecordingObserver Observer { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _services;

    public IKonnectClient Client(string token = Token) =>
        _services.GetRequiredService<IKonnectClientFactory>().For(new KonnectConnection(ServerUrl, token));

    /// <summary>See <see cref="FakeTime.AdvanceUntilAsync"/>.</summary>
    public Task AdvanceUntilAsync(Func<bool> done, TimeSpan step, TimeSpan? maxFakeTime = null) =>
        FakeTime.AdvanceUntilAsync(Time, done, step, maxFakeTime);

    /// <summary>Waits (in real time, up to 30 s) for <paramref name="done"/> without moving fake time.</summary>
    public static Task WaitUntilAsync(Func<bool> done) => FakeTime.WaitUntilAsync(done);

    public void Dispose() => _services.Dispose();
}
