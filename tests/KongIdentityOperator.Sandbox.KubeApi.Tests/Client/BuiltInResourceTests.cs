using System.Text;
using k8s;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

public sealed class BuiltInResourceTests
{
    [Fact]
    public async Task Initial_namespaces_exist_and_are_active()
    {
        await using var sandbox = await ApiFixture.StartAsync();

        var namespaces = await sandbox.Client.CoreV1.ListNamespaceAsync(cancellationToken: ApiFixture.Ct);

        Assert.Equal(["default", "kube-public", "kube-system"], namespaces.Items.Select(n => n.Metadata.Name).Order());
        Assert.All(namespaces.Items, n => Assert.Equal("Active", n.Status.Phase));
        Assert.All(namespaces.Items, n => Assert.Equal(n.Metadata.Name, n.Metadata.Labels["kubernetes.io/metadata.name"]));
    }

    [Fact]
    public async Task Secret_round_trips_with_server_set_metadata()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "creds", Labels = new Dictionary<string, string> { ["app"] = "x" } },
            Type = "Opaque",
            Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes("s3cr3t") },
        };

        var created = await sandbox.Client.CoreV1.CreateNamespacedSecretAsync(secret, "default", cancellationToken: ApiFixture.Ct);
        var read = await sandbox.Client.CoreV1.ReadNamespacedSecretAsync("creds", "default", cancellationToken: ApiFixture.Ct);

        Assert.Equal("v1", created.ApiVersion);
        Assert.Equal("Secret", created.Kind);
        Assert.Equal("default", created.Metadata.NamespaceProperty);
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal("s3cr3t", Encoding.UTF8.GetString(read.Data["token"]));
        Assert.Null(read.Metadata.Generation);
    }

    [Fact]
    public async Task Secret_stringData_is_merged_into_data_and_never_stored()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "mixed" },
            Data = new Dictionary<string, byte[]> { ["kept"] = Encoding.UTF8.GetBytes("a"), ["overridden"] = Encoding.UTF8.GetBytes("old") },
            StringData = new Dictionary<string, string> { ["overridden"] = "new", ["plain"] = "text" },
        };

        var created = await sandbox.Client.CoreV1.CreateNamespacedSecretAsync(secret, "default", cancellationToken: ApiFixture.Ct);
        var read = await sandbox.Client.CoreV1.ReadNamespacedSecretAsync("mixed", "default", cancellationToken: ApiFixture.Ct);

        foreach (var stored in new[] { created, read })
        {
            Assert.Null(stored.StringData);
            Assert.Equal(["kept", "overridden", "plain"], stored.Data.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("new", Encoding.UTF8.GetString(stored.Data["overridden"]));
            Assert.Equal("text", Encoding.UTF8.GetString(stored.Data["plain"]));
        }

        read.StringData = new Dictionary<string, string> { ["plain"] = "changed" };
        var updated = await sandbox.Client.CoreV1.ReplaceNamespacedSecretAsync(read, "mixed", "default", cancellationToken: ApiFixture.Ct);
        Assert.Null(updated.StringData);
        Assert.Equal("changed", Encoding.UTF8.GetString(updated.Data["plain"]));
    }

    [Fact]
    public async Task ConfigMap_update_without_resource_version_is_unconditional_like_the_real_server()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var map = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cfg" }, Data = new Dictionary<string, string> { ["a"] = "1" } };
        var created = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(map, "default", cancellationToken: ApiFixture.Ct);

        map.Data["a"] = "2";
        var updated = await sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(map, "cfg", "default", cancellationToken: ApiFixture.Ct);

        Assert.Equal("2", updated.Data["a"]);
        Assert.True(long.Parse(updated.Metadata.ResourceVersion) > long.Parse(created.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task Resource_versions_increase_globally_across_kinds()
    {
        await using var sandbox = await ApiFixture.StartAsync();

        var first = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, "default", cancellationToken: ApiFixture.Ct);
        var second = await sandbox.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "b" } }, "default", cancellationToken: ApiFixture.Ct);
        var list = await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: ApiFixture.Ct);

        Assert.True(long.Parse(second.Metadata.ResourceVersion) > long.Parse(first.Metadata.ResourceVersion));
        Assert.Equal(second.Metadata.ResourceVersion, list.Metadata.ResourceVersion);
        Assert.All(list.Items, i => Assert.Equal("ConfigMap", i.Kind));
    }

    [Fact]
    public async Task GenerateName_appends_a_five_character_suffix()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var map = new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "job-" } };

        var a = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(map, "default", cancellationToken: ApiFixture.Ct);
        var b = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(map, "default", cancellationToken: ApiFixture.Ct);

        Assert.Matches("^job-[a-z0-9]{5}$", a.Metadata.Name);
        Assert.NotEqual(a.Metadata.Name, b.Metadata.Name);
    }

    [Fact]
    public async Task Creating_an_existing_name_is_409_AlreadyExists()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var map = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "dup" } };
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(map, "default", cancellationToken: ApiFixture.Ct);

        var status = await ApiFixture.FailureAsync(() => sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(map, "default", cancellationToken: ApiFixture.Ct));

        Assert.Equal(409, status.Code);
        Assert.Equal("AlreadyExists", status.Reason);
        Assert.Equal("configmaps \"dup\" already exists", status.Message);
    }

    [Fact]
    public async Task Creating_into_a_missing_namespace_is_404()
    {
        await using var sandbox = await ApiFixture.StartAsync();

        var status = await ApiFixture.FailureAsync(() => sandbox.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, "nowhere", cancellationToken: ApiFixture.Ct));

        Assert.Equal(404, status.Code);
        Assert.Equal("namespaces \"nowhere\" not found", status.Message);
    }

    [Fact]
    public async Task Getting_a_missing_object_is_404_NotFound()
    {
        await using var sandbox = await ApiFixture.StartAsync();

        var status = await ApiFixture.FailureAsync(() => sandbox.Client.CoreV1.ReadNamespacedSecretAsync("ghost", "default", cancellationToken: ApiFixture.Ct));

        Assert.Equal("NotFound", status.Reason);
        Assert.Equal("secrets \"ghost\" not found", status.Message);
        Assert.Equal("ghost", status.Details.Name);
        Assert.Equal("secrets", status.Details.Kind);
    }

    [Fact]
    public async Task Invalid_object_name_is_422_with_the_field()
    {
        await using var sandbox = await ApiFixture.StartAsync();

        var status = await ApiFixture.FailureAsync(() => sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "Bad_Name" } }, "default", cancellationToken: ApiFixture.Ct));

        Assert.Equal(422, status.Code);
        Assert.Equal("Invalid", status.Reason);
        Assert.StartsWith("ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain", status.Message);
        Assert.Equal("metadata.name", Assert.Single(status.Details.Causes).Field);
    }

    [Fact]
    public async Task Deleting_a_secret_returns_the_object_and_removes_it()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        await sandbox.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "gone" } }, "default", cancellationToken: ApiFixture.Ct);

        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };
        using var response = await http.DeleteAsync("api/v1/namespaces/default/secrets/gone", ApiFixture.Ct);
        var body = await response.Content.ReadAsStringAsync(ApiFixture.Ct);

        Assert.Contains("\"kind\":\"Secret\"", body, StringComparison.Ordinal);
        await ApiFixture.FailureAsync(() => sandbox.Client.CoreV1.ReadNamespacedSecretAsync("gone", "default", cancellationToken: ApiFixture.Ct));
    }

    [Fact]
    public async Task Core_and_events_k8s_io_events_share_storage_like_the_real_server()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var now = DateTime.UtcNow;

        await sandbox.Client.CoreV1.CreateNamespacedEventAsync(
            new Corev1Event
            {
                Metadata = new V1ObjectMeta { GenerateName = "gizmo." },
                InvolvedObject = new V1ObjectReference { Kind = "Gizmo", Name = "g", NamespaceProperty = "default" },
                Reason = "Created",
                Message = "made it",
                Type = "Normal",
                FirstTimestamp = now,
                LastTimestamp = now,
            },
            "default",
            cancellationToken: ApiFixture.Ct);
        await sandbox.Client.EventsV1.CreateNamespacedEventAsync(
            new Eventsv1Event
            {
                Metadata = new V1ObjectMeta { Name = "gizmo.two" },
                Regarding = new V1ObjectReference { Kind = "Gizmo", Name = "g", NamespaceProperty = "default" },
                Reason = "Reconciled",
                Note = "ok",
                Type = "Normal",
                Action = "Reconcile",
                ReportingController = "test",
                ReportingInstance = "test-1",
                EventTime = now,
            },
            "default",
            cancellationToken: ApiFixture.Ct);

        var core = await sandbox.Client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "involvedObject.name=g", cancellationToken: ApiFixture.Ct);
        var modern = await sandbox.Client.EventsV1.ListNamespacedEventAsync("default", fieldSelector: "regarding.name=g", cancellationToken: ApiFixture.Ct);
        var patched = await sandbox.Client.EventsV1.PatchNamespacedEventAsync(
            new V1Patch("""{"series":{"count":2,"lastObservedTime":"2026-11-28T07:00:00.000000Z"}}""", V1Patch.PatchType.MergePatch), "gizmo.two", "default", cancellationToken: ApiFixture.Ct);

        Assert.Equal(["made it", "ok"], core.Items.Select(e => e.Message).Order());
        Assert.Equal("test", core.Items.Single(e => e.Message == "ok").ReportingComponent);
        Assert.Equal(["made it", "ok"], modern.Items.Select(e => e.Note).Order());
        Assert.All(modern.Items, e => Assert.Equal("g", e.Regarding.Name));
        Assert.Equal("events.k8s.io/v1", patched.ApiVersion);
        Assert.Equal(2, patched.Series.Count);
        Assert.Equal("ok", patched.Note);
    }

    [Fact]
    public async Task Deleting_a_namespace_terminates_it_then_removes_it_and_its_contents()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        await sandbox.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } }, cancellationToken: ApiFixture.Ct);
        await sandbox.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, "team", cancellationToken: ApiFixture.Ct);

        await sandbox.Client.CoreV1.DeleteNamespaceAsync("team", cancellationToken: ApiFixture.Ct);

        await Eventually.TrueAsync(
            async () => (await sandbox.Client.CoreV1.ListNamespaceAsync(cancellationToken: ApiFixture.Ct)).Items.All(n => n.Metadata.Name != "team"),
            "the namespace is gone");
        var secrets = await sandbox.Client.CoreV1.ListSecretForAllNamespacesAsync(cancellationToken: ApiFixture.Ct);
        Assert.DoesNotContain(secrets.Items, s => s.Metadata.NamespaceProperty == "team");
    }

    [Fact]
    public async Task Creating_in_a_terminating_namespace_is_403()
    {
        await using var sandbox = await ApiFixture.StartAsync(new KubeApiServerOptions { GarbageCollection = false });
        await sandbox.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "closing" } }, cancellationToken: ApiFixture.Ct);
        await sandbox.Client.CoreV1.DeleteNamespaceAsync("closing", cancellationToken: ApiFixture.Ct);

        var ns = await sandbox.Client.CoreV1.ReadNamespaceAsync("closing", cancellationToken: ApiFixture.Ct);
        var status = await ApiFixture.FailureAsync(() => sandbox.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, "closing", cancellationToken: ApiFixture.Ct));

        Assert.Equal("Terminating", ns.Status.Phase);
        Assert.NotNull(ns.Metadata.DeletionTimestamp);
        Assert.Equal(403, status.Code);
        Assert.Contains("because it is being terminated", status.Message, StringComparison.Ordinal);
    }
}
