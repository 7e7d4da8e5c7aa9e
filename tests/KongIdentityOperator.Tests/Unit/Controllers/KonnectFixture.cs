using KongIdentityOperator.Sandbox.Konnect;

namespace KongIdentityOperator.Tests.Unit.Controllers;

/// <summary>
/// One in-memory Konnect emulator per test class (its tests run one after another), reset before each test: starting
/// the web host is most of a test's cost, resetting it is almost free.
/// </summary>
public sealed class KonnectFixture : IAsyncLifetime
{
    private KonnectEmulator? _emulator;

    internal KonnectEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() =>
        _emulator = await KonnectEmulator.StartInMemoryAsync(new KonnectEmulatorOptions { SeedTutorial = true, Tokens = [ControllerRig.Token] });

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
