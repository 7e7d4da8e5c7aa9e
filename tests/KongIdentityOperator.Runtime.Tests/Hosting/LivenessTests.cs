using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Hosting;
using KongIdentityOperator.Runtime.Watcher;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Runtime.Tests.Hosting;

public sealed class LivenessTests
{
    private static readonly TimeSpan ReconcileBound = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan WatchBound = TimeSpan.FromMinutes(12);

    private readonly FakeTimeProvider _time = new();
    private readonly OperatorSettings _settings = new() { WatchTimeout = TimeSpan.FromMinutes(5) };
    private readonly ApiServerContact _apiServer;
    private readonly ReconcileActivity _clients;
    private readonly SilentInformer _secrets;
    private readonly Liveness _liveness;

    public LivenessTests()
    {
        _settings.Liveness.MaxReconcileDuration = ReconcileBound;
        _apiServer = new ApiServerContact(_time);
        _clients = new ReconcileActivity("client", _time);
        _secrets = new SilentInformer("Secret", _time);
        _liveness = new Liveness([_secrets], [_clients], _apiServer, _settings);
    }

    [Fact]
    public void A_reconcile_running_past_the_bound_is_reported_with_its_controller_and_key_until_it_ends()
    {
        var running = _clients.Begin("team/app");
        _time.Advance(ReconcileBound);
        Assert.Empty(_liveness.Problems());

        _time.Advance(TimeSpan.FromSeconds(1));
        var problem = Assert.Single(_liveness.Problems());
        Assert.Contains("controller client", problem, StringComparison.Ordinal);
        Assert.Contains("team/app", problem, StringComparison.Ordinal);

        running.Dispose();
        Assert.Empty(_liveness.Problems());
    }

    [Fact]
    public void Short_reconciles_one_after_another_never_add_up()
    {
        for (var i = 0; i < 10; i++)
        {
            using var running = _clients.Begin($"team/app-{i}");
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Empty(_liveness.Problems());
    }

    [Fact]
    public void A_silent_watch_is_stuck_once_the_api_server_answers_after_its_last_progress()
    {
        // The default bound: the longest healthy watch request (twice WatchTimeout) plus two minutes.
        _secrets.Progress();
        _time.Advance(WatchBound);
        _apiServer.Answered();
        Assert.Empty(_liveness.Problems());

        _time.Advance(TimeSpan.FromSeconds(1));
        var problem = Assert.Single(_liveness.Problems());
        Assert.Contains("watch of Secret", problem, StringComparison.Ordinal);

        _secrets.Progress();
        Assert.Empty(_liveness.Problems());
    }

    [Fact]
    public void A_silent_watch_is_not_stuck_while_the_api_server_does_not_answer()
    {
        _apiServer.Answered();
        _secrets.Progress();
        _time.Advance(WatchBound * 3);

        Assert.Empty(_liveness.Problems());
    }

    [Fact]
    public void Before_the_first_answer_of_the_api_server_no_watch_is_stuck()
    {
        _time.Advance(WatchBound * 3);

        Assert.Empty(_liveness.Problems());
    }

    [Fact]
    public void The_watch_bound_can_be_set()
    {
        _settings.Liveness.MaxWatchSilence = TimeSpan.FromMinutes(1);
        _time.Advance(TimeSpan.FromMinutes(2));
        _apiServer.Answered();

        Assert.Single(_liveness.Problems());
    }

    private sealed class SilentInformer(string kind, TimeProvider time) : IResourceInformer
    {
        private long _progressAt = time.GetTimestamp();

        public string Kind { get; } = kind;

        public bool HasSynced => true;

        public TimeSpan LongestWatchSilence => time.GetElapsedTime(_progressAt);

        public void Progress() => _progressAt = time.GetTimestamp();

        public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Start(CancellationToken cancellationToken)
        {
        }

        public Task StopAsync() => Task.CompletedTask;
    }
}
