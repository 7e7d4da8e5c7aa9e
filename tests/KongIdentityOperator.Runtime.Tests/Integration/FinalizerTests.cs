using KongIdentityOperator.Runtime.Finalizer;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Tests.TestEntities;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Runtime.Tests.Integration;

public sealed class FinalizerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<OperatorHost> StartAsync(TestCluster cluster, Action<WidgetBehavior>? behave = null) =>
        cluster.StartOperatorAsync(
            register: b => b.AddController<WidgetController, Widget>().AddFinalizer<WidgetFinalizer, Widget>(WidgetFinalizer.Identifier),
            behave: behave);

    [Fact]
    public async Task The_finalizer_is_attached_before_the_controller_runs_and_visible_to_it()
    {
        await using var cluster = await TestCluster.StartAsync();
        var storedDuringReconcile = new TaskCompletionSource<string[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = await StartAsync(cluster, b => b.Reconcile = async (w, _, ct) =>
        {
            var stored = await cluster.Client.GetAsync<Widget>(w.Metadata.Name, w.Metadata.NamespaceProperty, ct);
            storedDuringReconcile.TrySetResult([.. stored!.Metadata.Finalizers ?? []]);
            return ReconciliationResult<Widget>.Success(w);
        });

        await cluster.CreateWidgetAsync("a");

        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") == 1, "the first reconcile");
        Assert.Equal([WidgetFinalizer.Identifier], host.Recorder.Calls[0].Finalizers);
        Assert.Equal([WidgetFinalizer.Identifier], await storedDuringReconcile.Task.WaitAsync(Eventually.DefaultTimeout, Token));

        // Attaching our finalizer is our own write; it must not cause a second reconcile.
        await cluster.CreateWidgetAsync("fence");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/fence") == 1, "the fence object");
        Assert.Equal(1, host.Recorder.Count("ReconcileAsync", "default/a"));
    }

    [Fact]
    public async Task Deletion_runs_the_finalizer_keeps_it_on_failure_retries_and_removes_it_on_success()
    {
        await using var cluster = await TestCluster.StartAsync();
        var finalizeAttempts = 0;
        var host = await StartAsync(cluster, b => b.Finalize = (w, _) => Task.FromResult(
            Interlocked.Increment(ref finalizeAttempts) == 1
                ? ReconciliationResult<Widget>.Failure(w, "remote cleanup failed")
                : ReconciliationResult<Widget>.Success(w)));
        var recorder = host.Recorder;

        await cluster.CreateWidgetAsync("a");
        await Eventually.TrueAsync(() => recorder.Count("ReconcileAsync", "default/a") == 1, "the first reconcile");

        await cluster.Client.DeleteAsync<Widget>("a", "default", Token);

        await Eventually.TrueAsync(() => recorder.Count("FinalizeAsync", "default/a") >= 1, "the finalizer to run");
        await Eventually.TrueAsync(() => recorder.Count("DeletedAsync", "default/a") == 1, "DeletedAsync once the object is gone");
        Assert.Equal(2, recorder.Count("FinalizeAsync", "default/a"));
        Assert.Null(await cluster.Client.GetAsync<Widget>("a", "default", Token));

        var finalizeCalls = recorder.Calls.Where(c => c.Method == "FinalizeAsync").ToList();
        Assert.All(finalizeCalls, c => Assert.True(c.Deleting));
        Assert.All(finalizeCalls, c => Assert.Contains(WidgetFinalizer.Identifier, c.Finalizers));

        // The controller is never asked to reconcile a terminating object.
        Assert.DoesNotContain(recorder.Calls, c => c.Method == "ReconcileAsync" && c.Deleting);
    }

    [Fact]
    public async Task While_the_finalizer_fails_the_object_stays()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await StartAsync(cluster, b => b.Finalize = (w, _) =>
            Task.FromResult(ReconciliationResult<Widget>.Failure(w, "still failing")));

        await cluster.CreateWidgetAsync("a");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") == 1, "the first reconcile");
        await cluster.Client.DeleteAsync<Widget>("a", "default", Token);

        await Eventually.TrueAsync(() => host.Recorder.Count("FinalizeAsync", "default/a") >= 3, "repeated finalize attempts");
        var stored = await cluster.Client.GetAsync<Widget>("a", "default", Token);
        Assert.NotNull(stored!.Metadata.DeletionTimestamp);
        Assert.Contains(WidgetFinalizer.Identifier, stored.Metadata.Finalizers);
        Assert.Equal(0, host.Recorder.Count("DeletedAsync", "default/a"));
    }

    [Fact]
    public async Task A_finalizer_removed_by_someone_else_is_attached_again()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await StartAsync(cluster);

        await cluster.CreateWidgetAsync("a");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") == 1, "the first reconcile");

        var widget = (await cluster.Client.GetAsync<Widget>("a", "default", Token))!;
        widget.Metadata.Finalizers = [];
        await cluster.Client.UpdateAsync(widget, Token);

        await Eventually.TrueAsync(
            async () => (await cluster.Client.GetAsync<Widget>("a", "default", Token))!.Metadata.Finalizers?.Contains(WidgetFinalizer.Identifier) == true,
            "the finalizer to be attached again");
    }

    [Fact]
    public async Task Without_auto_attach_only_objects_the_controller_marks_are_finalized()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync(
            register: b => b
                .AddController<WidgetController, Widget>(o => o.AutoAttachFinalizers = false)
                .AddFinalizer<WidgetFinalizer, Widget>(WidgetFinalizer.Identifier),
            behave: b => b.Reconcile = async (w, sp, ct) =>
            {
                if (w.Spec.Value == "guarded")
                {
                    w = await sp.GetRequiredService<FinalizerWriter>().AddAsync(w, [WidgetFinalizer.Identifier], ct) ?? w;
                }

                return ReconciliationResult<Widget>.Success(w);
            });

        await cluster.CreateWidgetAsync("plain", "plain");
        await cluster.CreateWidgetAsync("guarded", "guarded");
        await Eventually.TrueAsync(
            async () => (await cluster.Client.GetAsync<Widget>("guarded", "default", Token))!.Metadata.Finalizers?.Count == 1,
            "the controller to mark the guarded object");
        Assert.Empty((await cluster.Client.GetAsync<Widget>("plain", "default", Token))!.Metadata.Finalizers ?? []);
        Assert.Empty(host.Recorder.Calls[0].Finalizers);

        await cluster.Client.DeleteAsync<Widget>("plain", "default", Token);
        await cluster.Client.DeleteAsync<Widget>("guarded", "default", Token);

        await Eventually.TrueAsync(() => host.Recorder.Count("DeletedAsync") == 2, "both deletions");
        Assert.Equal(0, host.Recorder.Count("FinalizeAsync", "default/plain"));
        Assert.Equal(1, host.Recorder.Count("FinalizeAsync", "default/guarded"));
    }
}
