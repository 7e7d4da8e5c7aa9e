namespace KongIdentityOperator.Konnect.Tests.Support;

/// <summary>One emulator per test class; tests use unique names so they do not see each other's objects.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorHost? _host;

    public EmulatorHost Host => _host ?? throw new InvalidOperationException("The emulator has not started.");

    public IKonnectClient Client => Host.Client();

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 36)];

    public async ValueTask InitializeAsync() => _host = await EmulatorHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
