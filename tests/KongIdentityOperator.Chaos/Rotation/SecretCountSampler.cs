using KongIdentityOperator.Sandbox.Konnect;

namespace KongIdentityOperator.Chaos.Rotation;

/// <summary>Samples how many secrets the clients of the emulator hold, every few milliseconds, and keeps the maximum per client.</summary>
internal sealed class SecretCountSampler : BackgroundLoop
{
    private int _max;
    private int _samples;

    public SecretCountSampler(KonnectEmulator konnect, TimeSpan every) => Start(stop => RunAsync(konnect, every, stop));

    public int Max => _max;

    public int Samples => _samples;

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
