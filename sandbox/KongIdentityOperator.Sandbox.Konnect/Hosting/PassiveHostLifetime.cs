using Microsoft.Extensions.Hosting;

namespace KongIdentityOperator.Sandbox.Konnect.Hosting;

/// <summary>
/// A host lifetime that leaves process signals alone: the emulator is a library that may run many times in one
/// test process, so stopping is its owner's call (<see cref="KonnectEmulator.DisposeAsync"/>), not Ctrl+C's.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
