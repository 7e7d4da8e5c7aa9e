using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Reconciliation;

namespace KongIdentityOperator.Runtime.Tests.Reconciliation;

public sealed class TriggerPredicateTests
{
    private const string Rotate = "example.com/rotate";
    private const string Ours = "example.com/cleanup";
    private readonly TriggerPredicate _predicate = new([Rotate], [Ours]);

    private static V1ObjectMeta Meta(long generation = 1, string rv = "1", string[]? finalizers = null, Dictionary<string, string>? annotations = null, DateTime? deleting = null) => new()
    {
        Name = "a",
        NamespaceProperty = "ns",
        Generation = generation,
        ResourceVersion = rv,
        Finalizers = finalizers,
        Annotations = annotations,
        DeletionTimestamp = deleting,
    };

    [Fact]
    public void A_new_object_is_reconciled() =>
        Assert.True(_predicate.ShouldReconcile(WatchEventType.Added, null, Meta()));

    [Fact]
    public void A_deleted_object_is_reconciled() =>
        Assert.True(_predicate.ShouldReconcile(WatchEventType.Deleted, Meta(), Meta(rv: "2")));

    [Fact]
    public void A_spec_change_is_reconciled() =>
        Assert.True(_predicate.ShouldReconcile(WatchEventType.Modified, Meta(generation: 1), Meta(generation: 2, rv: "2")));

    [Fact]
    public void A_status_or_label_write_is_not_reconciled() =>
        Assert.False(_predicate.ShouldReconcile(WatchEventType.Modified, Meta(rv: "1"), Meta(rv: "2", annotations: new() { ["other"] = "x" })));

    [Fact]
    public void The_start_of_deletion_is_reconciled() =>
        Assert.True(_predicate.ShouldReconcile(WatchEventType.Modified, Meta(finalizers: [Ours]), Meta(rv: "2", finalizers: [Ours], deleting: DateTime.UtcNow)));

    [Fact]
    public void Attaching_our_own_finalizer_is_not_reconciled_again() =>
        Assert.False(_predicate.ShouldReconcile(WatchEventType.Modified, Meta(), Meta(rv: "2", finalizers: [Ours])));

    [Fact]
    public void Someone_else_adding_a_finalizer_is_reconciled() =>
        Assert.True(_predicate.ShouldReconcile(WatchEventType.Modified, Meta(finalizers: [Ours]), Meta(rv: "2", finalizers: [Ours, "other.io/x"])));

    [Fact]
    public void Removing_a_finalizer_is_reconciled() =>
        Assert.True(_predicate.ShouldReconcile(WatchEventType.Modified, Meta(finalizers: [Ours]), Meta(rv: "2")));

    [Fact]
    public void A_trigger_annotation_change_is_reconciled() =>
        Assert.True(_predicate.ShouldReconcile(WatchEventType.Modified, Meta(), Meta(rv: "2", annotations: new() { [Rotate] = "now" })));

    [Fact]
    public void An_unchanged_trigger_annotation_is_not_reconciled() =>
        Assert.False(_predicate.ShouldReconcile(
            WatchEventType.Modified,
            Meta(annotations: new() { [Rotate] = "1" }),
            Meta(rv: "2", annotations: new() { [Rotate] = "1", ["other"] = "y" })));

    [Fact]
    public void A_trigger_label_change_is_reconciled_and_other_labels_are_not()
    {
        var predicate = new TriggerPredicate([], [], ["example.com/opt-in"]);
        var before = Meta();
        var labelled = Meta(rv: "2");
        labelled.Labels = new Dictionary<string, string> { ["example.com/opt-in"] = "true" };
        var otherLabel = Meta(rv: "2");
        otherLabel.Labels = new Dictionary<string, string> { ["team"] = "a" };

        Assert.True(predicate.ShouldReconcile(WatchEventType.Modified, before, labelled));
        Assert.True(predicate.ShouldReconcile(WatchEventType.Modified, labelled, before));
        Assert.False(predicate.ShouldReconcile(WatchEventType.Modified, before, otherLabel));
    }
}
