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

    /// <summary>
    /// Moves fake time forward in small steps until <paramref name="done"/> holds, giving the client's continuations a
    /// moment of real time after each step. Fails after 30 s of real time.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> done, TimeSpan step, TimeSpan? maxFakeTime = null)
    {
        var limit = maxFakeTime ?? TimeSpan.FromMinutes(10);
        var advanced = TimeSpan.Zero;
        using var realTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!done())
        {
            Assert.False(realTimeout.IsCancellationRequested, "the condition did not hold within 30 s of real time");
            Assert.True(advanced <= limit, $"the condition did not hold within {limit} of fake time");
            Time.Advance(step);
            advanced += step;
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits (in real time, up to 30 s) for <paramref name="done"/> without moving fake time.</summary>
    public static async Task WaitUntilAsync(Func<bool> done)
    {
        using var realTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!done())
        {
            Assert.False(realTimeout.IsCancellationRequested, "the condition did not hold within 30 s of real time");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose() => _services.Dispose();
}
