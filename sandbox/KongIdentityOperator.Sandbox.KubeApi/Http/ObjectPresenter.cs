using System.Text.Json;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Registry;
using KongIdentityOperator.Sandbox.KubeApi.Storage;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>
/// Renders stored objects at the version the client asked for. Versions of one CRD share storage (conversion
/// strategy None), so only <c>apiVersion</c> changes.
/// </summary>
internal static class ObjectPresenter
{
    public static byte[] Bytes(StoredObject stored, ResourceDefinition definition) =>
        NeedsRewrite(stored, definition) || definition.Conversion is not null ? JsonText.ToUtf8(Node(stored, definition)) : stored.Json;

    public static JsonObject Node(StoredObject stored, ResourceDefinition definition) => AtVersion(stored.ToJsonObject(), definition);

    public static JsonObject AtVersion(JsonObject obj, ResourceDefinition definition)
    {
        if (definition.Conversion is not null && obj.StringAt("apiVersion") != definition.ApiVersion)
        {
            return definition.FromStorage(obj);
        }

        if (obj.StringAt("apiVersion") != definition.ApiVersion)
        {
            obj["apiVersion"] = definition.ApiVersion;
        }

        return obj;
    }

    /// <summary>The object reduced to <c>meta.k8s.io/v1 PartialObjectMetadata</c>.</summary>
    public static JsonObject PartialMetadata(JsonObject obj) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = obj.Metadata().DeepClone(),
    };

    /// <summary>Writes <c>{"apiVersion","kind":"XList","metadata":{...},"items":[...]}</c> without re-parsing items.</summary>
    public static byte[] List(ResourceDefinition definition, IEnumerable<StoredObject> items, long resourceVersion, string? continueToken, long? remaining)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonText.Output.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", definition.ApiVersion);
            writer.WriteString("kind", definition.ListKind);
            writer.WriteStartObject("metadata");
            writer.WriteString("resourceVersion", resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (continueToken is not null)
            {
                writer.WriteString("continue", continueToken);
            }

            if (remaining is > 0)
            {
                writer.WriteNumber("remainingItemCount", remaining.Value);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                writer.WriteRawValue(Bytes(item, definition), skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static bool NeedsRewrite(StoredObject stored, ResourceDefinition definition) =>
        definition.IsCustom &&
        stored.Json.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes($"\"apiVersion\":\"{definition.ApiVersion}\"")) < 0;
}
