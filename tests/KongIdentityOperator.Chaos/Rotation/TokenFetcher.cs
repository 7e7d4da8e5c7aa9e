using System.Collections.Concurrent;
using KongIdentityOperator.Chaos.Harness;

namespace KongIdentityOperator.Chaos.Rotation;

/// <summary>
/// A consumer of client credentials that keeps what it read for a while: it fetches a token every
/// <c>fetchEvery</c> with the credentials it last read, and reads them again only every <c>rereadEvery</c> — like a
/// workload with a mounted Secret the kubelet refreshes late, a token cache, or a gateway syncing its configuration.
/// Every refusal is recorded (never a secret, only when and why).
/// </summary>
internal sealed class TokenFetcher : BackgroundLoop
{
    private readonly ConcurrentQueue<string> _failures = new();
    private int _successes;
    private int _reads;

    public TokenFetcher(string name, Func<CancellationToken, Task<IReadOnlyDictionary<string, string>?>> read, TimeSpan rereadEvery, TimeSpan fetchEvery)
    {
        Name = name;
        Start(stop => RunAsync(read, rereadEvery, fetchEvery, stop));
    }

    public string Name { get; }

    public int Successes => _successes;

    /// <summary>How many times the credentials were read and found to differ from the ones held.</summary>
    public int CredentialChanges => _reads;

    public IReadOnlyList<string> Failures => [.. _failures];

    private async Task RunAsync(Func<CancellationToken, Task<IReadOnlyDictionary<string, string>?>> read, TimeSpan rereadEvery, TimeSpan fetchEvery, CancellationToken stop)
    {
        IReadOnlyDictionary<string, string>? held = null;
        var readAt = DateTime.MinValue;
        while (!stop.IsCancellationRequested)
        {
            if (DateTime.UtcNow - readAt >= rereadEvery)
            {
                var fresh = await read(stop);
                readAt = DateTime.UtcNow;
                if (fresh is not null && (held is null || fresh["client_secret"] != held["client_secret"]))
                {
                    held = fresh;
                    Interlocked.Increment(ref _reads);
                }
            }

            if (held is not null)
            {
                var (_, error) = await TokenClient.RequestAsync(held, scope: null, stop);
                if (error is null)
                {
                    Interlocked.Increment(ref _successes);
                }
                else
                {
                    _failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {Name}: {error}");
                }
            }

            await Task.Delay(fetchEvery, stop);
        }
    }
}
