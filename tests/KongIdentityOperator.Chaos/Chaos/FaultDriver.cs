using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Sandbox.Konnect;

namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>
/// Keeps the sandbox hostile while a run converges: the emulator answers 5xx to 10% of calls and adds 2 s latency
/// spikes; every 2-5 s every watch is dropped; every 1-4 s the next 1-3 writes to the API server answer 409; every
/// 5-10 s a burst of 3-8 calls gets 429 with Retry-After.
/// </summary>
internal sealed class FaultDriver(ChaosSandbox sandbox, int seed) : IAsyncDisposable
{
    public static readonly EmulatorFaults Steady = new() { ErrorRate = 0.1, LatencySpikeMs = 2000, LatencySpikeRate = 0.03 };

    private readonly Random _random = new(seed);
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;

    public int WatchDrops { get; private set; }

    public int ConflictBursts { get; private set; }

    /// <summary>Writes armed to fail with 409 (the API server's request log says how many met one).</summary>
    public int ConflictsArmed { get; private set; }

    public int ThrottleBursts { get; private set; }

    public int ThrottlesArmed { get; private set; }

    /// <summary>Switches the faults on (again); the counters keep adding up.</summary>
    public void Start()
    {
        if (_stop is not null)
        {
            throw new InvalidOperationException("The fault driver is already running.");
        }

        sandbox.Konnect.SetFaults(Steady);
        _stop = new CancellationTokenSource();
        var stop = _stop.Token;
        _loop = Task.Run(() => RunAsync(stop), CancellationToken.None);
    }

    /// <summary>Switches every fault off and waits for the driver to end.</summary>
    public async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _stop = null;
        sandbox.Kube.Hooks.FailNextWrites(0);
        sandbox.Konnect.SetFaults(EmulatorFaults.None);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task RunAsync(CancellationToken stop)
    {
        // The first 409s and 429s come early, while the operator is busy, so that every kind of fault is met.
        var now = DateTime.UtcNow;
        var nextDrop = now + Between(2, 5);
        var nextConflict = now + Between(0, 1);
        var nextThrottle = now + Between(1, 3);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            now = DateTime.UtcNow;
            if (now >= nextDrop)
            {
                sandbox.Kube.Hooks.DropAllWatches();
                WatchDrops++;
                nextDrop = now + Between(2, 5);
            }

            if (now >= nextConflict)
            {
                var count = _random.Next(1, 4);
                sandbox.Kube.Hooks.FailNextWrites(count, 409);
                ConflictBursts++;
                ConflictsArmed += count;
                nextConflict = now + Between(1, 4);
            }

            if (now >= nextThrottle)
            {
                var count = _random.Next(3, 9);
                sandbox.Konnect.SetFaults(Steady with { ThrottleNext = count });
                ThrottleBursts++;
                ThrottlesArmed += count;
                nextThrottle = now + Between(5, 10);
            }
        }
    }

    private TimeSpan Between(int minSeconds, int maxSeconds) =>
        TimeSpan.FromMilliseconds(_random.Next(minSeconds * 1000, (maxSeconds * 1000) + 1));
}
