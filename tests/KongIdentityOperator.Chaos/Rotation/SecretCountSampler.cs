using KongIdentityOperator.Sandbox.Konnect;

namespace KongIdentityOperator.Chaos.Rotation;

/// <summary>Samples how many secrets the clients of the emulator hold, every few milliseconds, and keeps the maximum per client.</summary>
internal sealed class SecretCountSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;
    private readonly Task _loop;
    private int _max;
    private int _samples;

    public SecretCountSampler(KonnectEmulator konnect, TimeSpan every) => _loop = Task.Run(() => RunAsync(konnect, every, _stop.Token));

    public int Max => _max;

    public int Samples => _samples;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync(KonnectEmulator konnect, TimeSpan every, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var most = konnect.Snapshot().AllClients.Select(c => c.Secrets.Count).DefaultIfEmpty(0).Max();
            _max = Math.Max(_max, most);
            Interlocked.Increment(ref _samples);
            await Task.Delay(every, stop);
        }
    }
}
