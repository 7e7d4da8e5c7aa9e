using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

/// <summary>A started server plus a KubernetesClient pointed at it; one per test, so tests never share state.</summary>
public sealed class ApiFixture : IAsyncDisposable
{
    private ApiFixture(KubeApiServer server, Kubernetes client)
    {
        Server = server;
        Client = client;
    }

    public KubeApiServer Server { get; }

    public Kubernetes Client { get; }

    public static async Task<ApiFixture> StartAsync(KubeApiServerOptions? options = null)
    {
        var server = await KubeApiServer.StartAsync(options ?? new KubeApiServerOptions(), TestContext.Current.CancellationToken);
        var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() });
        return new ApiFixture(server, client);
    }

    /// <summary>Starts a server that already serves the Gizmo test CRD.</summary>
    public static async Task<ApiFixture> StartWithGizmosAsync(KubeApiServerOptions? options = null)
    {
        var sandbox = await StartAsync(options);
        await sandbox.CreateGizmoCrdAsync();
        return sandbox;
    }

    public async Task CreateGizmoCrdAsync() =>
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(Gizmos.Crd(), cancellationToken: Ct);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<JsonObject> CreateGizmoAsync(JsonObject gizmo, string ns = "default") =>
        ToNode(await Client.CustomObjects.CreateNamespacedCustomObjectAsync(gizmo, Gizmos.Group, Gizmos.Version, ns, Gizmos.Plural, cancellationToken: Ct));

    public async Task<JsonObject> GetGizmoAsync(string name, string ns = "default") =>
        ToNode(await Client.CustomObjects.GetNamespacedCustomObjectAsync(Gizmos.Group, Gizmos.Version, ns, Gizmos.Plural, name, Ct));

    public async Task<JsonObject> ReplaceGizmoAsync(JsonObject gizmo, string ns = "default") =>
        ToNode(await Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(
            gizmo, Gizmos.Group, Gizmos.Version, ns, Gizmos.Plural, gizmo["metadata"]!["name"]!.GetValue<string>(), cancellationToken: Ct));

    public async Task<JsonObject> ReplaceGizmoStatusAsync(JsonObject gizmo, string ns = "default") =>
        ToNode(await Client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(
            gizmo, Gizmos.Group, Gizmos.Version, ns, Gizmos.Plural, gizmo["metadata"]!["name"]!.GetValue<string>(), cancellationToken: Ct));

    public async Task<JsonObject> PatchGizmoAsync(string name, string patch, V1Patch.PatchType type, string ns = "default", string? fieldManager = null) =>
        ToNode(await Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(patch, type), Gizmos.Group, Gizmos.Version, ns, Gizmos.Plural, name, fieldManager: fieldManager, cancellationToken: Ct));

    public async Task<JsonObject> DeleteGizmoAsync(string name, string ns = "default") =>
        ToNode(await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(Gizmos.Group, Gizmos.Version, ns, Gizmos.Plural, name, cancellationToken: Ct));

    public async Task<JsonArray> ListGizmosAsync(string ns = "default", string? labelSelector = null, string? fieldSelector = null)
    {
        var list = ToNode(await Client.CustomObjects.ListNamespacedCustomObjectAsync(
            Gizmos.Group, Gizmos.Version, ns, Gizmos.Plural, labelSelector: labelSelector, fieldSelector: fieldSelector, cancellationToken: Ct));
        return list["items"]!.AsArray();
    }

    /// <summary>Runs a call that must fail and returns the Status body the server sent.</summary>
    public static async Task<V1Status> FailureAsync(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<HttpOperationException>(call);
        var status = KubernetesJson.Deserialize<V1Status>(e.Response.Content);
        Assert.Equal("Status", status.Kind);
        Assert.Equal((int)e.Response.StatusCode, status.Code);
        return status;
    }

    public static JsonObject ToNode(object result) =>
        result switch
        {
            JsonElement element => JsonNode.Parse(element.GetRawText())!.AsObject(),
            _ => JsonNode.Parse(KubernetesJson.Serialize(result))!.AsObject(),
        };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
