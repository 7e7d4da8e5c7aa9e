using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Runtime.Watcher;

/// <summary>How a watcher reconnects and how long one watch request lasts.</summary>
internal sealed record WatcherSettings(ExponentialBackoff Backoff, TimeSpan WatchTimeout)
{
    /// <summary>A watch that ends this fast without delivering anything counts as a failure, so that it never spins.</summary>
    public static readonly TimeSpan MinHealthySession = TimeSpan.FromSeconds(1);
}
