using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;

namespace KongIdentityOperator.Sandbox.KubeApi.Storage;

/// <summary>
/// An immutable stored version of one object: its serialized JSON plus the metadata that selectors, watches and
/// the garbage collector read without parsing. Immutability lets watchers share it across threads.
/// </summary>
internal sealed class StoredObject
{
    private StoredObject(ObjectKey key, long resourceVersion, byte[] json, JsonObject metadata)
    {
        Key = key;
        ResourceVersion = resourceVersion;
        Json = json;
        Uid = metadata.StringAt("uid") ?? string.Empty;
        Labels = metadata["labels"].StringMap();
        Finalizers = metadata["finalizers"].StringList();
        IsTerminating = metadata["deletionTimestamp"] is not null;
        OwnerReferences =
        [
            .. (metadata.ArrayAt("ownerReferences") ?? []).OfType<JsonObject>()
                .Where(o => o.StringAt("uid") is not null)
                .Select(o => new OwnerReference(
                    o.StringAt("apiVersion") ?? string.Empty,
                    o.StringAt("kind") ?? string.Empty,
                    o.StringAt("name") ?? string.Empty,
                    o.StringAt("uid")!,
                    o["blockOwnerDeletion"] is JsonValue b && b.GetValueKind() == System.Text.Json.JsonValueKind.True)),
        ];
    }

    public ObjectKey Key { get; }

    public long ResourceVersion { get; }

    /// <summary>The object as UTF-8 JSON, exactly as served.</summary>
    public byte[] Json { get; }

    public string Uid { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    public IReadOnlyList<string> Finalizers { get; }

    public IReadOnlyList<OwnerReference> OwnerReferences { get; }

    public bool IsTerminating { get; }

    /// <summary>Stores <paramref name="obj"/> (whose resourceVersion the caller has already stamped).</summary>
    public static StoredObject From(ObjectKey key, long resourceVersion, JsonObject obj) =>
        new(key, resourceVersion, JsonText.ToUtf8(obj), obj.Metadata());

    /// <summary>A fresh mutable copy.</summary>
    public JsonObject ToJsonObject() => (JsonObject)JsonText.Parse(Json)!;

    /// <summary>A field's text for field selectors: metadata fields are fast; others parse the object.</summary>
    public string? FieldValue(string path) => path switch
    {
        "metadata.name" => Key.Name,
        "metadata.namespace" => Key.Namespace,
        _ => ToJsonObject().At(path.Split('.')).ScalarText(),
    };
}
