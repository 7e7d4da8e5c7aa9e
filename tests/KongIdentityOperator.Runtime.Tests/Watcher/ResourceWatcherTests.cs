using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Queue;
using KongIdentityOperator.Runtime.Tests.Integration;
using KongIdentityOperator.Runtime.Watcher;
using Microsoft.Extensions.Logging.Abstractions;

namespace KongIdentityOperator.Runtime.Tests.Watcher;

public sealed class ResourceWatcherTests : IAsyncDisposable
{
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Cap = TimeSpan.FromMilliseconds(1600);
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromHours(1);

    private readonly RecordingTimeProvider _time = new();
    private readonly ScriptedWatchClient _client = new("10");
    private readonly RecordingHandler _handler = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    private IReadOnlyList<TimeSpan> Backoffs => [.. _time.Timers.Where(t => t < WatchTimeout)];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running.WaitAsync(Eventually.DefaultTimeout);
        }

        _stop.Dispose();
    }

    private ResourceWatcher<V1ConfigMap> Start()
    {
        var watcher = new ResourceWatcher<V1ConfigMap>(
            _client, null, null, new WatcherSettings(new ExponentialBackoff(Base, Cap), WatchTimeout), _handler, _time, NullLogger.Instance);
        _running = Task.Run(() => watcher.RunAsync(_stop.Token), TestContext.Current.CancellationToken);
        return watcher;
    }

    [Fact]
    public async Task Progress_is_a_list_an_event_or_a_bookmark_and_not_a_failing_reconnect()
    {
        _client.Script(new WatchSession([(WatchEventType.Added, "a", "11")], Error: new IOException("connection reset")));
        _client.Script(WatchSession.Failing(new IOException("connection reset")));
        _client.Script(new WatchSession([(WatchEventType.Bookmark, "", "12")], Hang: true));
        var watcher = Start();

        await Eventually.TrueAsync(() => Backoffs.Count == 1, "a backoff after the first failure");
        Assert.Equal(TimeSpan.Zero, watcher.SinceProgress);

        _time.Fake.Advance(Backoffs[0]);
        await Eventually.TrueAsync(() => Backoffs.Count == 2, "a backoff after the failing reconnect");
        Assert.Equal(Backoffs[0], watcher.SinceProgress);

        _time.Fake.Advance(Backoffs[1]);
        await Eventually.TrueAsync(() => _client.Requests.Count == 4, "the watch with a bookmark");
        await Eventually.TrueAsync(() => watcher.SinceProgress == TimeSpan.Zero, "the bookmark counts as progress");
    }

    [Fact]
    public async Task Persistent_errors_back_off_exponentially_with_jitter_up_to_the_cap_and_resume_from_the_same_version()
    {
        for (var i = 0; i < 7; i++)
        {
            _client.Script(WatchSession.Failing(new IOException("connection reset")));
        }

        _client.Script(new WatchSession([], Hang: true));
        Start();

        for (var failure = 0; failure < 7; failure++)
        {
            await Eventually.TrueAsync(() => Backoffs.Count == failure + 1, $"backoff {failure + 1}");

            // Blocked on the backoff: no request beyond the failed one.
            Assert.Equal(failure + 2, _client.Requests.Count);
            var expected = TimeSpan.FromTicks(Math.Min(Base.Ticks << failure, Cap.Ticks));
            Assert.InRange(Backoffs[failure], expected, expected * 1.5);
            _time.Fake.Advance(Backoffs[failure]);
        }

        await Eventually.TrueAsync(() => _client.Requests.Count == 9, "the watch after the last backoff");
        Assert.Equal(["list", .. Enumerable.Repeat("watch@10", 8)], _client.Requests);
    }

    [Fact]
    public async Task An_expired_version_relists_at_once_and_only_a_repeated_expiry_backs_off()
    {
        var expired = () => new KubernetesException(new V1Status { Code = 410, Reason = "Expired", Message = "too old resource version" });
        _client.Script(WatchSession.Failing(expired()), WatchSession.Failing(expired()), new WatchSession([], Hang: true));
        Start();

        await Eventually.TrueAsync(() => Backoffs.Count == 1, "a backoff after the second expiry");
        Assert.Equal(["list", "watch@10", "list", "watch@10"], _client.Requests);

        _time.Fake.Advance(Backoffs[0]);

        await Eventually.TrueAsync(() => _client.Requests.Count == 6, "a third list and watch");
        Assert.Equal(["list", "watch@10"], _client.Requests.Skip(4));
    }

    [Fact]
    public async Task A_productive_watch_resumes_at_once_from_its_last_version_and_an_empty_one_backs_off()
    {
        _client.Script(
            new WatchSession([(WatchEventType.Added, "a", "11"), (WatchEventType.Modified, "a", "12"), (WatchEventType.Bookmark, string.Empty, "15")]),
            WatchSession.EmptyEnd(),
            new WatchSession([(WatchEventType.Deleted, "a", "16")], Hang: true));
        Start();

        await Eventually.TrueAsync(() => Backoffs.Count == 1, "a backoff after the empty watch");
        Assert.Equal(["list", "watch@10", "watch@15"], _client.Requests);

        _time.Fake.Advance(Backoffs[0]);

        await Eventually.TrueAsync(() => _handler.Events.Count == 3, "the deletion after the backoff");
        Assert.Equal(["list", "watch@10", "watch@15", "watch@15"], _client.Requests);
        Assert.Equal([(WatchEventType.Added, "11"), (WatchEventType.Modified, "12"), (WatchEventType.Deleted, "16")], _handler.Events);
        Assert.Single(_handler.Lists);
    }

    [Fact]
    public async Task A_watch_failing_mid_stream_resumes_after_the_last_handled_event()
    {
        _client.Script(
            new WatchSession([(WatchEventType.Added, "a", "11"), (WatchEventType.Modified, "a", "12")], new IOException("connection reset")),
            new WatchSession([], Hang: true));
        Start();

        await Eventually.TrueAsync(() => Backoffs.Count == 1, "a backoff after the failure");
        _time.Fake.Advance(Backoffs[0]);

        await Eventually.TrueAsync(() => _client.Requests.Count == 3, "the resumed watch");
        Assert.Equal(["list", "watch@10", "watch@12"], _client.Requests);
        Assert.Equal(2, _handler.Events.Count);
    }

    [Fact]
    public async Task Cancellation_ends_the_watcher()
    {
        _client.Script(new WatchSession([], Hang: true));
        Start();
        await Eventually.TrueAsync(() => _client.Requests.Count == 2, "the watch to open");

        await _stop.CancelAsync();

        await _running!.WaitAsync(Eventually.DefaultTimeout, TestContext.Current.CancellationToken);
        Assert.True(_running.IsCompletedSuccessfully);
    }

    private sealed class RecordingHandler : IWatchHandler<V1ConfigMap>
    {
        private readonly Lock _lock = new();
        private readonly List<(WatchEventType, string)> _events = [];
        private readonly List<string?> _lists = [];

        public IReadOnlyList<(WatchEventType, string)> Events
        {
            get
            {
                lock (_lock)
                {
                    return [.. _events];
                }
            }
        }

        public IReadOnlyList<string?> Lists
        {
            get
            {
                lock (_lock)
                {
                    return [.. _lists];
                }
            }
        }

        public void OnList(string? @namespace, IReadOnlyList<V1ConfigMap> items)
        {
            lock (_lock)
            {
                _lists.Add(@namespace);
            }
        }

        public void OnEvent(WatchEventType type, V1ConfigMap entity)
        {
            lock (_lock)
            {
                _events.Add((type, entity.Metadata.ResourceVersion));
            }
        }
    }
}
