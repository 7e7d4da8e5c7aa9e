using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Discovery;

/// <summary>
/// The legacy discovery documents (<c>/version</c>, <c>/api</c>, <c>/apis</c>, group and group-version resource
/// lists). kubectl asks for aggregated discovery first and falls back to these when answered plain JSON.
/// </summary>
internal sealed class DiscoveryDocuments(ResourceRegistry registry)
{
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-sandbox",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public JsonObject Groups() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. GroupNames().Select(g => (JsonNode)GroupNode(g))]),
    };

    public JsonObject? Group(string group) =>
        GroupNames().Contains(group) ? GroupNode(group) : null;

    public JsonObject? ResourceList(string group, string version)
    {
        var definitions = registry.All.Where(d => d.Group == group && d.Version == version).ToList();
        if (definitions.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var definition in definitions)
        {
            var resource = new JsonObject
            {
                ["name"] = definition.Plural,
                ["singularName"] = definition.Singular,
                ["namespaced"] = definition.Namespaced,
                ["kind"] = definition.Kind,
                ["verbs"] = new JsonArray([.. definition.Verbs.Select(v => (JsonNode?)v)]),
            };
            if (definition.ShortNames.Count > 0)
            {
                resource["shortNames"] = new JsonArray([.. definition.ShortNames.Select(s => (JsonNode?)s)]);
            }

            if (definition.Categories.Count > 0)
            {
                resource["categories"] = new JsonArray([.. definition.Categories.Select(c => (JsonNode?)c)]);
            }

            resources.Add(resource);
            if (definition.HasStatusSubresource)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = definition.Plural + "/status",
                    ["singularName"] = string.Empty,
                    ["namespaced"] = definition.Namespaced,
                    ["kind"] = definition.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    /// <summary>The served versions of a group, preferred first.</summary>
    public IReadOnlyList<string> Versions(string group) =>
        [.. registry.All.Where(d => d.Group == group).Select(d => d.Version).Distinct().Order(VersionPriority.Instance)];

    private IReadOnlyList<string> GroupNames() =>
        [.. registry.All.Select(d => d.Group).Where(g => g.Length > 0).Distinct()];

    private JsonObject GroupNode(string group)
    {
        var versions = Versions(group);
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)VersionNode(group, v))]),
            ["preferredVersion"] = VersionNode(group, versions[0]),
        };
    }

    private static JsonObject VersionNode(string group, string version) =>
        new() { ["groupVersion"] = $"{group}/{version}", ["version"] = version };
}
