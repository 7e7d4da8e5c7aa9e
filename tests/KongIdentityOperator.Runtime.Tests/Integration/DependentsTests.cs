using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Queue;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Tests.TestEntities;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Runtime.Tests.Integration;

public sealed class DependentsTests
{
    private const string ByRef = "ref";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static IEnumerable<string> RefIndex(Widget w) =>
        w.Spec.Ref is null ? [] : [$"{w.Metadata.NamespaceProperty}/{w.Spec.Ref}"];

    private static IEnumerable<EntityKey> Referrers(IKubernetesObjectKey other, IEntityCache<Widget> cache) =>
        cache.GetKeysByIndex(ByRef, $"{other.Namespace}/{other.Name}");

    [Fact]
    public async Task A_change_of_a_referenced_widget_enqueues_its_dependents_through_the_index()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync(register: b => b.AddController<WidgetController, Widget>(o => o
            .AddIndex(ByRef, RefIndex)
            .Watch<Widget>((parent, cache) => Referrers(new IKubernetesObjectKey(parent), cache))));

        await cluster.CreateWidgetAsync("child-1", reference: "parent");
        await cluster.CreateWidgetAsync("child-2", reference: "parent");
        await cluster.CreateWidgetAsync("unrelated", reference: "other");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/unrelated") == 1, "the first reconciles");

        // A status-only change of the parent (no new generation) still wakes its dependents.
        await cluster.CreateWidgetAsync("parent");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/child-1") == 2, "child-1 enqueued by its parent's creation");
        var parent = (await cluster.Client.GetAsync<Widget>("parent", "default", Token))!;
        parent.Status.Message = "ready";
        await cluster.Client.UpdateStatusAsync(parent, Token);

        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/child-1") == 3, "child-1 enqueued by its parent's status");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/child-2") == 3, "child-2 enqueued by its parent's status");
        Assert.Equal(1, host.Recorder.Count("ReconcileAsync", "default/unrelated"));
        Assert.Equal(["child-1", "child-2"], host.Widgets.GetByIndex(ByRef, "default/parent").Select(w => w.Metadata.Name).Order());
    }

    [Fact]
    public async Task Secret_changes_enqueue_referrers_and_the_secret_is_read_from_the_cache()
    {
        await using var cluster = await TestCluster.StartAsync();
        var seen = new List<string?>();
        var host = await cluster.StartOperatorAsync(
            register: b => b.AddController<WidgetController, Widget>(o => o
                .AddIndex(ByRef, RefIndex)
                .Watch<V1Secret>((secret, cache) => Referrers(new IKubernetesObjectKey(secret), cache), w => w.KeepCache = true)),
            behave: b => b.Reconcile = (w, sp, _) =>
            {
                var secrets = sp.GetRequiredService<IEntityCache<V1Secret>>();
                var secret = secrets.Get(w.Metadata.NamespaceProperty, w.Spec.Ref!);
                lock (seen)
                {
                    seen.Add(secret?.Data?["token"] is { } token ? System.Text.Encoding.UTF8.GetString(token) : null);
                }

                return Task.FromResult(ReconciliationResult<Widget>.Success(w));
            });

        await cluster.CreateWidgetAsync("a", reference: "creds");
        await SeenAsync(1);

        var secret = await cluster.Kubernetes.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "creds" }, Data = new Dictionary<string, byte[]> { ["token"] = "t1"u8.ToArray() } },
            "default",
            cancellationToken: Token);
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") == 2, "a reconcile for the new secret");
        await SeenAsync(2);

        secret.Data["token"] = "t2"u8.ToArray();
        await cluster.Kubernetes.CoreV1.ReplaceNamespacedSecretAsync(secret, "creds", "default", cancellationToken: Token);
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") == 3, "a reconcile for the changed secret");
        await SeenAsync(3);

        lock (seen)
        {
            Assert.Equal([null, "t1", "t2"], seen);
        }

        // The controller read the Secret from the cache: no GET of a Secret reached the API.
        Assert.DoesNotContain(cluster.Api.RequestLog, r => r.Resource == "secrets" && r.Verb == "get");

        Task SeenAsync(int count) => Eventually.TrueAsync(
            () =>
            {
                lock (seen)
                {
                    return seen.Count == count;
                }
            },
            $"reconcile {count} to read the cache");
    }

    [Fact]
    public async Task Owned_objects_enqueue_their_owner()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync(register: b => b.AddController<WidgetController, Widget>(o => o.Owns<V1ConfigMap>()));
        var owner = await cluster.CreateWidgetAsync("owner");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/owner") == 1, "the first reconcile");

        await cluster.Kubernetes.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta
                {
                    Name = "owned",
                    OwnerReferences = [new V1OwnerReference { ApiVersion = owner.ApiVersion, Kind = owner.Kind, Name = owner.Metadata.Name, Uid = owner.Metadata.Uid }],
                },
            },
            "default",
            cancellationToken: Token);

        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/owner") == 2, "the owner reconciled for its object");
    }

    [Fact]
    public void Watches_of_one_kind_with_different_label_selectors_are_refused()
    {
        var services = new ServiceCollection();
        var builder = KongIdentityOperator.Runtime.Builder.ServiceCollectionExtensions.AddKubernetesOperator(services);
        builder.AddCache<V1Secret>("app=a");

        Assert.Throws<InvalidOperationException>(() => builder.AddController<WidgetController, Widget>(o =>
            o.Watch<V1Secret>((_, _) => [], w => w.LabelSelector = "app=b")));
    }

    /// <summary>Namespace and name of any object, for the mappers.</summary>
    private readonly record struct IKubernetesObjectKey(string? Namespace, string Name)
    {
        public IKubernetesObjectKey(IKubernetesObject<V1ObjectMeta> o)
            : this(o.Metadata.NamespaceProperty, o.Metadata.Name)
        {
        }
    }
}
