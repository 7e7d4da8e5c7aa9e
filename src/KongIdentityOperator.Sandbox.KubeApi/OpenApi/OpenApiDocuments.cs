using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.OpenApi;

/// <summary>The OpenAPI v3 index and per-group-version documents kubectl reads before it writes.</summary>
internal sealed class OpenApiDocuments(ResourceRegistry registry)
{
    public JsonObject Index()
    {
        var paths = new JsonObject();
        foreach (var gv in registry.All.Select(d => (d.Group, d.Version)).Distinct())
        {
            var path = gv.Group.Length == 0 ? $"api/{gv.Version}" : $"apis/{gv.Group}/{gv.Version}";
            paths[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    public JsonObject? Document(string group, string version) =>
        registry.All.Any(d => d.Group == group && d.Version == version)
            ? new JsonObject { ["openapi"] = "3.0.0", ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" }, ["paths"] = new JsonObject(), ["components"] = new JsonObject { ["schemas"] = new JsonObject() } }
            : null;
}
