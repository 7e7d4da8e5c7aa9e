using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Runtime.Tests.Watcher;

/// <summary>A <see cref="FakeTimeProvider"/> that also records the due time of every timer created (what a delay waits for).</summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _timers = [];

    public FakeTimeProvider Fake { get; } = new();

    public IReadOnlyList<TimeSpan> Timers
    {
        get
        {
            lock (_lock)
            {
                return [.. _timers];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _timers.Add(dueTime);
        }

        return Fake.CreateTimer(callback, state, dueTime, period);
    }
}
