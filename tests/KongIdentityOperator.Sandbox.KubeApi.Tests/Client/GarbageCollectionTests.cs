using k8s;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

public sealed class GarbageCollectionTests
{
    private static async Task<V1OwnerReference> OwnerAsync(ApiFixture sandbox, string name)
    {
        var owner = await sandbox.CreateGizmoAsync(Gizmos.New(name));
        return new V1OwnerReference
        {
            ApiVersion = Gizmos.ApiVersion,
            Kind = "Gizmo",
            Name = name,
            Uid = owner["metadata"]!["uid"]!.GetValue<string>(),
        };
    }

    private static Task<V1ConfigMap> DependentAsync(ApiFixture sandbox, string name, string ns, params V1OwnerReference[] owners) =>
        sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, OwnerReferences = owners } }, ns, cancellationToken: ApiFixture.Ct);

    private static async Task<bool> ExistsAsync(ApiFixture sandbox, string name, string ns = "default") =>
        (await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: $"metadata.name={name}", cancellationToken: ApiFixture.Ct)).Items.Count == 1;

    [Fact]
    public async Task Dependents_are_deleted_in_the_background_when_their_owner_is_gone()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var owner = await OwnerAsync(sandbox, "owner");
        await DependentAsync(sandbox, "child", "default", owner);

        await sandbox.DeleteGizmoAsync("owner");

        await Eventually.TrueAsync(async () => !await ExistsAsync(sandbox, "child"), "the dependent is collected");
    }

    [Fact]
    public async Task A_dependent_with_another_live_owner_only_loses_the_dangling_reference()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var first = await OwnerAsync(sandbox, "first");
        var second = await OwnerAsync(sandbox, "second");
        await DependentAsync(sandbox, "shared", "default", first, second);

        await sandbox.DeleteGizmoAsync("first");

        await Eventually.TrueAsync(
            async () => (await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("shared", "default", cancellationToken: ApiFixture.Ct)).Metadata.OwnerReferences.Count == 1,
            "the dangling owner reference is removed");
        var kept = await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("shared", "default", cancellationToken: ApiFixture.Ct);
        Assert.Equal("second", Assert.Single(kept.Metadata.OwnerReferences).Name);
    }

    [Fact]
    public async Task Orphan_propagation_keeps_dependents_and_strips_their_reference()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var owner = await OwnerAsync(sandbox, "parent");
        await DependentAsync(sandbox, "orphan", "default", owner);

        await sandbox.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, "parent", propagationPolicy: "Orphan", cancellationToken: ApiFixture.Ct);

        await Eventually.TrueAsync(async () => (await sandbox.ListGizmosAsync()).Count == 0, "the owner is removed once its orphan finalizer is done");
        var orphan = await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("orphan", "default", cancellationToken: ApiFixture.Ct);
        Assert.True(orphan.Metadata.OwnerReferences is null or { Count: 0 });
    }

    [Fact]
    public async Task Foreground_propagation_deletes_dependents_before_the_owner()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync(new KubeApiServerOptions { GarbageCollection = false });
        var owner = await OwnerAsync(sandbox, "fg");
        await DependentAsync(sandbox, "fg-child", "default", owner);

        await sandbox.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, "fg", propagationPolicy: "Foreground", cancellationToken: ApiFixture.Ct);
        var waiting = await sandbox.GetGizmoAsync("fg");

        Assert.Contains("foregroundDeletion", waiting["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.NotNull(waiting["metadata"]!["deletionTimestamp"]);
        Assert.True(await ExistsAsync(sandbox, "fg-child"));
    }

    [Fact]
    public async Task Foreground_deletion_completes_with_the_collector_running()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var owner = await OwnerAsync(sandbox, "fg2");
        await DependentAsync(sandbox, "fg2-child", "default", owner);

        await sandbox.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, "fg2", propagationPolicy: "Foreground", cancellationToken: ApiFixture.Ct);

        await Eventually.TrueAsync(async () => (await sandbox.ListGizmosAsync()).Count == 0, "the owner goes after its dependents");
        Assert.False(await ExistsAsync(sandbox, "fg2-child"));
    }

    [Fact]
    public async Task An_owner_in_another_namespace_does_not_count()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "elsewhere" } }, cancellationToken: ApiFixture.Ct);
        var owner = await OwnerAsync(sandbox, "remote");

        await DependentAsync(sandbox, "stray", "elsewhere", owner);

        await Eventually.TrueAsync(async () => !await ExistsAsync(sandbox, "stray", "elsewhere"), "a cross-namespace owner reference is treated as absent");
    }

    [Fact]
    public async Task Without_the_collector_dependents_stay()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync(new KubeApiServerOptions { GarbageCollection = false });
        var owner = await OwnerAsync(sandbox, "solo");
        await DependentAsync(sandbox, "kept", "default", owner);

        await sandbox.DeleteGizmoAsync("solo");

        Assert.True(await ExistsAsync(sandbox, "kept"));
    }
}
