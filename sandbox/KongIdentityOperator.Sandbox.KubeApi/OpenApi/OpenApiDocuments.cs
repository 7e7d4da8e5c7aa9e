using System.Security.Cryptography;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.OpenApi;

/// <summary>
/// The OpenAPI v3 index and per-group-version documents kubectl reads before it writes. Each kind gets a component
/// schema carrying <c>x-kubernetes-group-version-kind</c> (a CRD's own schema; a permissive one for built-ins) and
/// paths whose PATCH and POST list the <c>fieldValidation</c> parameter, which tells kubectl that the server
/// validates fields itself. Built-ins do not advertise strategic merge here, so kubectl computes those patches
/// from its compiled-in types, exactly as against a real server without OpenAPI.
/// </summary>
internal sealed class OpenApiDocuments(ResourceRegistry registry)
{
    private const string ObjectMetaRef = "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    public JsonObject Index()
    {
        var paths = new JsonObject();
        foreach (var (group, version) in registry.All.Select(d => (d.Group, d.Version)).Distinct())
        {
            var path = group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
            var hash = Convert.ToHexString(SHA256.HashData(JsonText.ToUtf8(Document(group, version)!)))[..32];
            paths[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}?hash={hash}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    public JsonObject? Document(string group, string version)
    {
        var definitions = registry.All.Where(d => d.Group == group && d.Version == version).ToList();
        if (definitions.Count == 0)
        {
            return null;
        }

        var schemas = new JsonObject { ["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"] = ObjectMeta() };
        var paths = new JsonObject();
        foreach (var definition in definitions)
        {
            var schemaName = SchemaName(definition);
            schemas[schemaName] = KindSchema(definition);
            var prefix = (group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}") + (definition.Namespaced ? "/namespaces/{namespace}" : string.Empty);
            paths[$"{prefix}/{definition.Plural}"] = new JsonObject
            {
                ["post"] = Operation(definition, "post", schemaName, patchTypes: null),
            };
            paths[$"{prefix}/{definition.Plural}/{{name}}"] = new JsonObject
            {
                ["put"] = Operation(definition, "put", schemaName, patchTypes: null),
                ["patch"] = Operation(definition, "patch", schemaName, ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"]),
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static JsonObject Operation(ResourceDefinition definition, string verb, string schemaName, IReadOnlyList<string>? patchTypes)
    {
        var schemaRef = new JsonObject { ["$ref"] = $"#/components/schemas/{schemaName}" };
        var content = new JsonObject();
        foreach (var type in patchTypes ?? ["application/json", "application/yaml"])
        {
            content[type] = new JsonObject { ["schema"] = patchTypes is null ? schemaRef.DeepClone() : new JsonObject { ["type"] = "object" } };
        }

        return new JsonObject
        {
            ["operationId"] = $"{verb}{definition.Kind}",
            ["parameters"] = new JsonArray(
                Query("dryRun"),
                Query("fieldManager"),
                Query("fieldValidation")),
            ["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true },
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemaRef.DeepClone() } } },
            },
            ["x-kubernetes-action"] = verb == "post" ? "post" : verb,
            ["x-kubernetes-group-version-kind"] = Gvk(definition),
        };
    }

    private static JsonObject Query(string name) =>
        new() { ["name"] = name, ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true } };

    private static JsonObject KindSchema(ResourceDefinition definition)
    {
        JsonObject schema;
        if (definition.Schema is { } crdSchema)
        {
            schema = crdSchema.DeepClone().AsObject();
            var properties = schema["properties"] as JsonObject ?? [];
            schema["properties"] = properties;
            properties["metadata"] = new JsonObject { ["$ref"] = ObjectMetaRef };
        }
        else
        {
            schema = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["metadata"] = new JsonObject { ["$ref"] = ObjectMetaRef } },
                ["x-kubernetes-preserve-unknown-fields"] = true,
            };
        }

        var props = schema["properties"]!.AsObject();
        props["apiVersion"] ??= new JsonObject { ["type"] = "string" };
        props["kind"] ??= new JsonObject { ["type"] = "string" };
        schema["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(definition));
        return schema;
    }

    private static JsonObject Gvk(ResourceDefinition definition) =>
        new() { ["group"] = definition.Group, ["kind"] = definition.Kind, ["version"] = definition.Version };

    private static string SchemaName(ResourceDefinition definition)
    {
        if (definition.IsCustom)
        {
            var reversed = string.Join('.', definition.Group.Split('.').Reverse());
            return $"{reversed}.{definition.Version}.{definition.Kind}";
        }

        var group = definition.Group.Length == 0 ? "core" : definition.Group.Split('.')[0];
        return $"io.k8s.api.{group}.{definition.Version}.{definition.Kind}";
    }

    private static JsonObject ObjectMeta() => new()
    {
        ["type"] = "object",
        ["description"] = "ObjectMeta is metadata that all persisted resources must have.",
        ["properties"] = new JsonObject
        {
            ["name"] = new JsonObject { ["type"] = "string" },
            ["generateName"] = new JsonObject { ["type"] = "string" },
            ["namespace"] = new JsonObject { ["type"] = "string" },
            ["uid"] = new JsonObject { ["type"] = "string" },
            ["resourceVersion"] = new JsonObject { ["type"] = "string" },
            ["generation"] = new JsonObject { ["type"] = "integer", ["format"] = "int64" },
            ["creationTimestamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["deletionTimestamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["deletionGracePeriodSeconds"] = new JsonObject { ["type"] = "integer", ["format"] = "int64" },
            ["labels"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" } },
            ["annotations"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" } },
            ["finalizers"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "string" },
                ["x-kubernetes-patch-strategy"] = "merge",
            },
            ["ownerReferences"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
                ["x-kubernetes-patch-merge-key"] = "uid",
                ["x-kubernetes-patch-strategy"] = "merge",
            },
            ["managedFields"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true } },
        },
    };
}
