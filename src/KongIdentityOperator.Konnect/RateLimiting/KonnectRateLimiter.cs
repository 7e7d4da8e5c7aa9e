using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace KongIdentityOperator.Konnect.RateLimiting;

/// <summary>The client-side rate limiter: one <see cref="TokenBucket"/> per (server URL, token).</summary>
internal sealed class KonnectRateLimiter(TimeProvider time, IOptions<KonnectClientOptions> options) : IKonnectRateLimitMetrics
{
    private readonly ConcurrentDictionary<KonnectRateLimitKey, TokenBucket> _buckets = new();
    private readonly KonnectClientOptions _options = options.Value;

    /// <summary>Waits until <paramref name="key"/> may send one more request; call <see cref="Release"/> once it was answered or failed.</summary>
    public async ValueTask AcquireAsync(KonnectRateLimitKey key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var bucket = Bucket(key);
        var wait = bucket.Reserve();
        if (wait > TimeSpan.Zero)
        {
            try
            {
                // A cancelled wait gives its slot up rather than back: conservative, never over the limit.
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                bucket.Release();
                throw;
            }
        }
    }

    /// <summary>
    /// Waits for a slot of <paramref name="key"/> if it is at most <paramref name="maxWait"/> away and returns null;
    /// otherwise takes none and returns how far away it is (the caller fails the call rather than hold a worker).
    /// </summary>
    public async ValueTask<TimeSpan?> TryAcquireAsync(KonnectRateLimitKey key, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var bucket = Bucket(key);
        if (!bucket.TryReserve(maxWait, out var wait))
        {
            return wait;
        }

        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                bucket.Release();
                throw;
            }
        }

        return null;
    }

    /// <summary>The request let through by <see cref="AcquireAsync"/> is no longer in flight.</summary>
    public void Release(KonnectRateLimitKey key) => Bucket(key).Release();

    /// <summary>Learns from an answer's rate-limit headers and, for a 429, pauses the key.</summary>
    public void Observe(KonnectRateLimitKey key, HttpResponseMessage response)
    {
        var bucket = Bucket(key);
        var headers = RateLimitHeaders.Read(response.Headers);
        if (!headers.IsEmpty)
        {
            bucket.Observe(headers, _options.DefaultRateLimitReset);
        }

        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            var pause = Http.RetryAfterHeader.Read(response.Headers, time.GetUtcNow()) ?? headers.Reset ?? _options.DefaultRetryAfter;
            bucket.OnRateLimited(pause > _options.RetryAfterCap ? _options.RetryAfterCap : pause);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<KonnectRateLimitCounters> Snapshot() => [.. _buckets.Select(pair => pair.Value.Snapshot(pair.Key))];

    private TokenBucket Bucket(KonnectRateLimitKey key) =>
        _buckets.GetOrAdd(key, static (_, state) => new TokenBucket(state.time, state.options.RateLimitPerMinute, state.options.RateLimitBurst), (time, options: _options));
}
