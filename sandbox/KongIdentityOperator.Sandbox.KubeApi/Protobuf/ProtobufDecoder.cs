using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Errors;

namespace KongIdentityOperator.Sandbox.KubeApi.Protobuf;

/// <summary>
/// Decodes the protobuf bodies kubectl sends for typed creates (<c>kubectl create secret|configmap|namespace|
/// serviceaccount</c>): the <c>k8s\0</c> envelope around a <c>runtime.Unknown</c>, and those kinds' fields. Other
/// kinds answer 415, which the fidelity table lists; kubectl uses JSON for everything else it sends.
/// </summary>
internal static class ProtobufDecoder
{
    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw ApiErrors.BadRequest("the protobuf body does not start with the Kubernetes envelope");
        }

        try
        {
            var reader = new ProtoReader(body[Magic.Length..]);
            string? apiVersion = null;
            string? kind = null;
            ReadOnlySpan<byte> raw = default;
            while (!reader.End)
            {
                var (field, wire) = reader.ReadTag();
                switch (field)
                {
                    case 1:
                        (apiVersion, kind) = TypeMeta(reader.ReadBytes());
                        break;
                    case 2:
                        raw = reader.ReadBytes();
                        break;
                    default:
                        reader.Skip(wire);
                        break;
                }
            }

            var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
            switch (apiVersion, kind)
            {
                case ("v1", "Secret"):
                    Secret(raw, obj);
                    break;
                case ("v1", "ConfigMap"):
                    ConfigMap(raw, obj);
                    break;
                case ("v1", "Namespace"):
                    Namespace(raw, obj);
                    break;
                case ("v1", "ServiceAccount"):
                    ServiceAccount(raw, obj);
                    break;
                default:
                    throw ApiErrors.UnsupportedMediaType("application/json, application/yaml");
            }

            return obj;
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            throw ApiErrors.BadRequest($"the protobuf body could not be decoded: {e.Message}");
        }
    }

    private static (string? ApiVersion, string? Kind) TypeMeta(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        string? apiVersion = null;
        string? kind = null;
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1:
                    apiVersion = reader.ReadString();
                    break;
                case 2:
                    kind = reader.ReadString();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return (apiVersion, kind);
    }

    private static void Secret(ReadOnlySpan<byte> data, JsonObject obj)
    {
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1:
                    obj["metadata"] = ObjectMeta(reader.ReadBytes());
                    break;
                case 2:
                    AddEntry(obj, "data", reader.ReadBytes(), base64: true);
                    break;
                case 3:
                    obj["type"] = reader.ReadString();
                    break;
                case 4:
                    AddEntry(obj, "stringData", reader.ReadBytes(), base64: false);
                    break;
                case 5:
                    obj["immutable"] = reader.ReadVarint() != 0;
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
    }

    private static void ConfigMap(ReadOnlySpan<byte> data, JsonObject obj)
    {
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1:
                    obj["metadata"] = ObjectMeta(reader.ReadBytes());
                    break;
                case 2:
                    AddEntry(obj, "data", reader.ReadBytes(), base64: false);
                    break;
                case 3:
                    AddEntry(obj, "binaryData", reader.ReadBytes(), base64: true);
                    break;
                case 4:
                    obj["immutable"] = reader.ReadVarint() != 0;
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
    }

    private static void Namespace(ReadOnlySpan<byte> data, JsonObject obj)
    {
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1:
                    obj["metadata"] = ObjectMeta(reader.ReadBytes());
                    break;
                case 2:
                    var spec = new ProtoReader(reader.ReadBytes());
                    var finalizers = new JsonArray();
                    while (!spec.End)
                    {
                        var (specField, specWire) = spec.ReadTag();
                        if (specField == 1)
                        {
                            finalizers.Add(spec.ReadString());
                        }
                        else
                        {
                            spec.Skip(specWire);
                        }
                    }

                    if (finalizers.Count > 0)
                    {
                        obj["spec"] = new JsonObject { ["finalizers"] = finalizers };
                    }

                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
    }

    private static void ServiceAccount(ReadOnlySpan<byte> data, JsonObject obj)
    {
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1:
                    obj["metadata"] = ObjectMeta(reader.ReadBytes());
                    break;
                case 4:
                    obj["automountServiceAccountToken"] = reader.ReadVarint() != 0;
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
    }

    private static JsonObject ObjectMeta(ReadOnlySpan<byte> data)
    {
        var metadata = new JsonObject();
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 or 2 or 3 or 5 or 6 when reader.ReadString() is { Length: > 0 } text:
                    metadata[field switch { 1 => "name", 2 => "generateName", 3 => "namespace", 5 => "uid", _ => "resourceVersion" }] = text;
                    break;
                case 1 or 2 or 3 or 5 or 6:
                    break;
                case 11:
                    AddEntry(metadata, "labels", reader.ReadBytes(), base64: false);
                    break;
                case 12:
                    AddEntry(metadata, "annotations", reader.ReadBytes(), base64: false);
                    break;
                case 14:
                    var finalizers = metadata["finalizers"] as JsonArray ?? [];
                    finalizers.Add(reader.ReadString());
                    metadata["finalizers"] = finalizers;
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return metadata;
    }

    /// <summary>Adds one map entry (a nested message with key 1 and value 2) to <c>obj[field]</c>.</summary>
    private static void AddEntry(JsonObject obj, string field, ReadOnlySpan<byte> entry, bool base64)
    {
        var reader = new ProtoReader(entry);
        var key = string.Empty;
        var value = string.Empty;
        while (!reader.End)
        {
            var (number, wire) = reader.ReadTag();
            switch (number)
            {
                case 1:
                    key = reader.ReadString();
                    break;
                case 2:
                    value = base64 ? Convert.ToBase64String(reader.ReadBytes()) : reader.ReadString();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        var map = obj[field] as JsonObject ?? [];
        map[key] = value;
        obj[field] = map;
    }
}
