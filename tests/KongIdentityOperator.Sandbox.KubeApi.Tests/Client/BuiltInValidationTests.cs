using System.Net;
using k8s;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

/// <summary>The built-in kinds' own rules: immutable ConfigMaps and Secrets, Leases, events.k8s.io Events, MicroTime.</summary>
public sealed class BuiltInValidationTests
{
    private const string ImmutableMessage = "Forbidden: field is immutable when `immutable` is set";

    [Fact]
    public async Task An_immutable_ConfigMap_keeps_its_data_and_its_immutability()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var created = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "frozen" }, Data = new Dictionary<string, string> { ["k"] = "v" }, Immutable = true },
            "default",
            cancellationToken: ApiFixture.Ct);

        created.Data["k"] = "changed";
        var data = await ApiFixture.FailureAsync(() => sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "frozen", "default", cancellationToken: ApiFixture.Ct));
        created.Data["k"] = "v";
        created.Immutable = false;
        var flag = await ApiFixture.FailureAsync(() => sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "frozen", "default", cancellationToken: ApiFixture.Ct));
        created.Immutable = true;
        created.Metadata.Labels = new Dictionary<string, string> { ["still"] = "editable" };
        var labelled = await sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "frozen", "default", cancellationToken: ApiFixture.Ct);

        Assert.Equal((422, "Invalid"), (data.Code, data.Reason));
        Assert.Equal($"ConfigMap \"frozen\" is invalid: data: {ImmutableMessage}", data.Message);
        Assert.Equal(("FieldValueForbidden", "data"), (Assert.Single(data.Details.Causes).Reason, data.Details.Causes[0].Field));
        Assert.Equal("immutable", Assert.Single(flag.Details.Causes).Field);
        Assert.Equal("editable", labelled.Metadata.Labels["still"]);
    }

    [Fact]
    public async Task An_immutable_Secret_cannot_change_its_data()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        await sandbox.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "frozen" }, StringData = new Dictionary<string, string> { ["k"] = "v" }, Immutable = true },
            "default",
            cancellationToken: ApiFixture.Ct);

        var failure = await ApiFixture.FailureAsync(() => sandbox.Client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch("""{"stringData":{"k":"other"}}""", V1Patch.PatchType.MergePatch), "frozen", "default", cancellationToken: ApiFixture.Ct));

        Assert.Equal(422, failure.Code);
        Assert.Equal($"Secret \"frozen\" is invalid: data: {ImmutableMessage}", failure.Message);
        Assert.DoesNotContain("other", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Lease_update_without_resourceVersion_is_422_like_the_registry()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var lease = await sandbox.Client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease { Metadata = new V1ObjectMeta { Name = "leader" }, Spec = new V1LeaseSpec { HolderIdentity = "a" } }, "default", cancellationToken: ApiFixture.Ct);

        lease.Metadata.ResourceVersion = null;
        lease.Spec.HolderIdentity = "b";
        var failure = await ApiFixture.FailureAsync(() => sandbox.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "leader", "default", cancellationToken: ApiFixture.Ct));

        Assert.Equal((422, "Invalid"), (failure.Code, failure.Reason));
        Assert.Equal("leases.coordination.k8s.io \"leader\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update", failure.Message);
        Assert.Equal("metadata.resourceVersion", Assert.Single(failure.Details.Causes).Field);
    }

    [Fact]
    public async Task An_events_k8s_io_Event_needs_eventTime_and_its_MicroTimes_are_stored_in_UTC()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };
        const string Fields = """
            "regarding":{"kind":"ConfigMap","name":"x","namespace":"default"},"reason":"Tested","action":"Test","note":"n",
            "type":"Normal","reportingController":"example.com/tester","reportingInstance":"tester-1"
            """;

        var (missingCode, missing) = await RawHttp.SendAsync(
            http, HttpMethod.Post, "apis/events.k8s.io/v1/namespaces/default/events", $$"""{"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"e1"},{{Fields}}}""");
        var (createdCode, created) = await RawHttp.SendAsync(
            http, HttpMethod.Post, "apis/events.k8s.io/v1/namespaces/default/events",
            $$"""{"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"e2"},"eventTime":"2026-01-02T05:04:05.5+02:00",{{Fields}}}""");
        var core = await sandbox.Client.CoreV1.ReadNamespacedEventAsync("e2", "default", cancellationToken: ApiFixture.Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingCode);
        Assert.Equal("Event.events.k8s.io \"e1\" is invalid: eventTime: Required value", missing!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, createdCode);
        Assert.Equal("2026-01-02T03:04:05.500000Z", created!["eventTime"]!.GetValue<string>());
        Assert.Equal("Test", core.Action);
    }

    [Fact]
    public async Task Core_v1_Events_keep_the_legacy_rules()
    {
        await using var sandbox = await ApiFixture.StartAsync();

        var created = await sandbox.Client.CoreV1.CreateNamespacedEventAsync(
            new Corev1Event { Metadata = new V1ObjectMeta { Name = "legacy" }, InvolvedObject = new V1ObjectReference { Kind = "ConfigMap", Name = "x" }, Reason = "R", Message = "m" },
            "default",
            cancellationToken: ApiFixture.Ct);

        Assert.Equal("legacy", created.Metadata.Name);
    }

    [Fact]
    public async Task Lease_MicroTimes_are_normalised_to_microseconds_in_UTC()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var (code, lease) = await RawHttp.SendAsync(
            http, HttpMethod.Post, "apis/coordination.k8s.io/v1/namespaces/default/leases",
            """{"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"l"},"spec":{"holderIdentity":"a","renewTime":"2026-01-02T03:04:05Z","acquireTime":"2026-01-02T04:04:05.123+01:00"}}""");

        Assert.Equal(HttpStatusCode.Created, code);
        Assert.Equal("2026-01-02T03:04:05.000000Z", lease!["spec"]!["renewTime"]!.GetValue<string>());
        Assert.Equal("2026-01-02T03:04:05.123000Z", lease["spec"]!["acquireTime"]!.GetValue<string>());
    }
}
