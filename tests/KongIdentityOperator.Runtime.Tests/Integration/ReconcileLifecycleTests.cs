using System.Text.Json.Nodes;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Conditions;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Tests.TestEntities;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Runtime.Tests.Integration;

public sealed class ReconcileLifecycleTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_update_and_delete_reach_the_controller()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync();
        var recorder = host.Recorder;

        await cluster.CreateWidgetAsync("a", "one");
        await Eventually.TrueAsync(() => recorder.Count("ReconcileAsync", "default/a") == 1, "a reconcile on create");
        Assert.Equal("one", recorder.Calls[0].SpecValue);

        await cluster.UpdateSpecAsync("a", "two");
        await Eventually.TrueAsync(() => recorder.Count("ReconcileAsync", "default/a") == 2, "a reconcile on update");
        Assert.Equal(("two", 2L), (recorder.Calls[1].SpecValue, recorder.Calls[1].Generation!.Value));

        await cluster.Client.DeleteAsync<Widget>("a", "default", Token);
        await Eventually.TrueAsync(() => recorder.Count("DeletedAsync", "default/a") == 1, "DeletedAsync after delete");
        var deleted = recorder.Calls[^1];
        Assert.Equal(("DeletedAsync", "two"), (deleted.Method, deleted.SpecValue));
        Assert.Equal(2, recorder.Count("ReconcileAsync", "default/a"));

        // The controller got its objects from the watch-fed cache: the only GET of a widget is the test's own read
        // before its update.
        Assert.Single(cluster.Api.RequestLog, r => r.Resource == "widgets" && r.Verb == "get");
    }

    [Fact]
    public async Task Resync_reconciles_every_cached_object_periodically()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync(s => s.ResyncPeriod = TimeSpan.FromMilliseconds(300));

        await cluster.CreateWidgetAsync("a");
        await cluster.CreateWidgetAsync("b");

        await Eventually.TrueAsync(
            () => host.Recorder.Count("ReconcileAsync", "default/a") >= 3 && host.Recorder.Count("ReconcileAsync", "default/b") >= 3,
            "repeated reconciles without any change");
        Assert.All(host.Recorder.Calls, c => Assert.Equal(1, c.Generation));
    }

    [Fact]
    public async Task Status_writes_cause_no_reconcile_storm()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync(behave: b => b.Reconcile = WriteReadyStatusAsync);
        var recorder = host.Recorder;

        await cluster.CreateWidgetAsync("a", "one");
        await Eventually.TrueAsync(
            async () => (await cluster.Client.GetAsync<Widget>("a", "default", Token))?.Status.ObservedGeneration == 1,
            "the status of generation 1");

        // Metadata-only writes do not trigger either.
        var labelled = (await cluster.Client.GetAsync<Widget>("a", "default", Token))!;
        labelled.Metadata.Labels = new Dictionary<string, string> { ["team"] = "x" };
        await cluster.Client.UpdateAsync(labelled, Token);

        await cluster.UpdateSpecAsync("a", "two");
        await Eventually.TrueAsync(
            async () => (await cluster.Client.GetAsync<Widget>("a", "default", Token))?.Status.ObservedGeneration == 2,
            "the status of generation 2");

        // Events of one namespace arrive in order: once a later object is reconciled, every status event of "a"
        // has been seen by the controller's filter.
        await cluster.CreateWidgetAsync("b", "later");
        await Eventually.TrueAsync(() => recorder.Count("ReconcileAsync", "default/b") == 1, "the later object");
        await Eventually.TrueAsync(
            async () => (await cluster.Client.GetAsync<Widget>("b", "default", Token))?.Status.ObservedGeneration == 1,
            "the later object's status");
        await cluster.CreateWidgetAsync("c", "fence");
        await Eventually.TrueAsync(() => recorder.Count("ReconcileAsync", "default/c") == 1, "the fence object");

        Assert.Equal(2, recorder.Count("ReconcileAsync", "default/a"));
        Assert.Equal(1, recorder.Count("ReconcileAsync", "default/b"));
        var statusWrites = cluster.Api.RequestLog.Count(r => r.Verb == "update" && r.Subresource == "status" && r.Name == "a" && r.StatusCode == 200);
        Assert.Equal(2, statusWrites);
    }

    [Fact]
    public async Task Unchanged_status_is_not_written_again()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync(behave: b => b.Reconcile = async (w, sp, ct) =>
        {
            var firstTime = w.Status.ObservedGeneration != 1;
            var result = await WriteReadyStatusAsync(w, sp, ct);
            return ReconciliationResult<Widget>.Success(result.Entity, requeueAfter: firstTime ? TimeSpan.FromMilliseconds(100) : null);
        });

        await cluster.CreateWidgetAsync("a", "one");

        // The first reconcile writes the status and requeues; the next ones find it current and stay quiet.
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") >= 2, "a requeued reconcile");
        Assert.Equal(1, cluster.Api.RequestLog.Count(r => r.Verb == "update" && r.Subresource == "status" && r.StatusCode == 200));
    }

    [Fact]
    public async Task Requeue_after_reconciles_again_without_an_event()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync(behave: b => b.Reconcile = (w, _, _) =>
            Task.FromResult(ReconciliationResult<Widget>.Success(w, TimeSpan.FromMilliseconds(100))));

        await cluster.CreateWidgetAsync("a");

        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") >= 3, "periodic reconciles from RequeueAfter");
    }

    [Fact]
    public async Task Failures_are_retried_with_backoff_until_success()
    {
        await using var cluster = await TestCluster.StartAsync();
        var attempts = 0;
        var host = await cluster.StartOperatorAsync(behave: b => b.Reconcile = (w, _, _) =>
            Interlocked.Increment(ref attempts) switch
            {
                1 => Task.FromResult(ReconciliationResult<Widget>.Failure(w, "remote said no")),
                2 => throw new InvalidOperationException("boom"),
                _ => Task.FromResult(ReconciliationResult<Widget>.Success(w)),
            });

        await cluster.CreateWidgetAsync("a");

        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") == 3, "two retries");
        var metrics = await host.Services.GetRequiredService<KongIdentityOperator.Runtime.Metrics.MetricsRegistry>().ExportAsync(TestContext.Current.CancellationToken);
        Assert.Contains("controller_runtime_reconcile_errors_total{controller=\"widget\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("workqueue_retries_total{controller=\"widget\",name=\"widget\"} 2", metrics, StringComparison.Ordinal);
        await Eventually.TrueAsync(
            async () => (await host.Services.GetRequiredService<KongIdentityOperator.Runtime.Metrics.MetricsRegistry>().ExportAsync(TestContext.Current.CancellationToken))
                .Contains("controller_runtime_reconcile_total{controller=\"widget\",result=\"success\"} 1", StringComparison.Ordinal),
            "the success to be counted");
    }

    [Fact]
    public async Task A_trigger_annotation_reconciles_but_other_annotations_do_not()
    {
        const string Rotate = "runtime.test.example.com/rotate";
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync(register: b => b.AddController<WidgetController, Widget>(o => o.TriggerAnnotations.Add(Rotate)));

        await cluster.CreateWidgetAsync("a");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") == 1, "the first reconcile");

        await AnnotateAsync(cluster, "a", "unrelated", "1");
        await AnnotateAsync(cluster, "a", Rotate, "now");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") == 2, "a reconcile for the trigger annotation");

        await cluster.CreateWidgetAsync("fence");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/fence") == 1, "the fence object");
        Assert.Equal(2, host.Recorder.Count("ReconcileAsync", "default/a"));
    }

    [Fact]
    public async Task The_injected_entity_queue_schedules_a_reconcile()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync(behave: b => b.Reconcile = async (w, sp, ct) =>
        {
            if (w.Metadata.Name == "a")
            {
                var queue = sp.GetRequiredService<KongIdentityOperator.Runtime.Queue.EntityQueue<Widget>>();
                var other = Widget.Create("default", "b");
                Assert.True(await queue(other, ReconciliationType.Modified, ReconciliationTriggerSource.Operator, TimeSpan.FromMilliseconds(50), 0, ct));
            }

            return ReconciliationResult<Widget>.Success(w);
        });

        await cluster.CreateWidgetAsync("b");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/b") == 1, "b's own reconcile");
        await cluster.CreateWidgetAsync("a");

        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/b") == 2, "b requeued by a's controller");
    }

    private static async Task AnnotateAsync(TestCluster cluster, string name, string key, string value)
    {
        var patch = new k8s.Models.V1Patch(new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [key] = value } } }.ToJsonString(), k8s.Models.V1Patch.PatchType.MergePatch);
        await cluster.Client.PatchAsync<Widget>(patch, name, "default", Token);
    }

    internal static async Task<ReconciliationResult<Widget>> WriteReadyStatusAsync(Widget widget, IServiceProvider services, CancellationToken cancellationToken)
    {
        var client = services.GetRequiredService<IKubernetesClient>();
        var time = services.GetRequiredService<TimeProvider>();
        var updated = await client.UpdateStatusAsync(
            widget,
            w =>
            {
                w.Status.Conditions.Set("Ready", ConditionStatus.True, "Reconciled", "ok", w.Metadata.Generation, time.GetUtcNow());
                w.Status.ObservedGeneration = w.Metadata.Generation ?? 0;
            },
            cancellationToken: cancellationToken);
        return ReconciliationResult<Widget>.Success(updated);
    }
}
