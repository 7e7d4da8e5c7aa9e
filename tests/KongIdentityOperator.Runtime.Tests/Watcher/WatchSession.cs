using k8s;

namespace KongIdentityOperator.Runtime.Tests.Watcher;

/// <summary>One scripted watch response: events, then an error, a clean end, or a stream that stays open.</summary>
internal sealed record WatchSession(IReadOnlyList<(WatchEventType Type, string Name, string Version)> Events, Exception? Error = null, bool Hang = false)
{
    public static WatchSession Failing(Exception error) => new([], error);

    public static WatchSession EmptyEnd() => new([]);
}
