using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Tests.TestEntities;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Runtime.Tests.Integration;

public sealed class StatusConflictTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_conflicting_status_write_is_re_read_and_re_applied()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync(behave: b => b.Reconcile = async (w, sp, ct) =>
        {
            // Someone else writes the status between our read and our write; the server then also fails our first
            // attempt with 409 (stale resourceVersion) on its own.
            var other = (await cluster.Client.GetAsync<Widget>(w.Metadata.Name, w.Metadata.NamespaceProperty, ct))!;
            other.Status.Conditions.Add(new k8s.Models.V1Condition
            {
                Type = "External",
                Status = "True",
                Reason = "SetElsewhere",
                Message = string.Empty,
                LastTransitionTime = DateTime.UtcNow,
            });
            await cluster.Client.UpdateStatusAsync(other, ct);

            var updated = await sp.GetRequiredService<IKubernetesClient>().UpdateStatusAsync(w, x => x.Status.Message = "mine", cancellationToken: ct);
            return ReconciliationResult<Widget>.Success(updated);
        });

        await cluster.CreateWidgetAsync("a");

        await Eventually.TrueAsync(
            async () => (await cluster.Client.GetAsync<Widget>("a", "default", Token))?.Status.Message == "mine",
            "our status to be written");
        var stored = (await cluster.Client.GetAsync<Widget>("a", "default", Token))!;
        Assert.Contains(stored.Status.Conditions, c => c.Type == "External");

        var statusWrites = cluster.Api.RequestLog.Where(r => r.Subresource == "status" && r.Verb == "update").Select(r => r.StatusCode).ToList();
        Assert.Equal([200, 409, 200], statusWrites);
        Assert.Equal(1, host.Recorder.Count("ReconcileAsync", "default/a"));
    }

    [Fact]
    public async Task An_injected_conflict_is_retried_transparently()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync(behave: b => b.Reconcile = async (w, sp, ct) =>
        {
            cluster.Api.Hooks.FailNextWrites(2, 409);
            var updated = await sp.GetRequiredService<IKubernetesClient>().UpdateStatusAsync(w, x => x.Status.Message = "done", cancellationToken: ct);
            return ReconciliationResult<Widget>.Success(updated);
        });

        await cluster.CreateWidgetAsync("a");

        await Eventually.TrueAsync(
            async () => (await cluster.Client.GetAsync<Widget>("a", "default", Token))?.Status.Message == "done",
            "the status to be written after two conflicts");
        var statusWrites = cluster.Api.RequestLog.Where(r => r.Subresource == "status" && r.Verb == "update").Select(r => r.StatusCode).ToList();
        Assert.Equal([409, 409, 200], statusWrites);
        Assert.Equal(1, host.Recorder.Count("ReconcileAsync", "default/a"));
    }
}
