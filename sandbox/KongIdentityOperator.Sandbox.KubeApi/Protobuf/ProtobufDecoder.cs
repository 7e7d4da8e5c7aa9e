using System.Text.Json.Nodes;
using Google.Protobuf;
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
            using var reader = new CodedInputStream(body[Magic.Length..].ToArray());
            string? apiVersion = null;
            string? kind = null;
            byte[] raw = [];
            for (var tag = reader.ReadTag(); tag != 0; tag = reader.ReadTag())
            {
                var field = WireFormat.GetTagFieldNumber(tag);
                switch (field)
                {
                    case 1:
                        (apiVersion, kind) = TypeMeta(reader.ReadBytes().ToByteArray());
                        break;
                    case 2:
                        raw = reader.ReadBytes().ToByteArray();
                        break;
                    default:
                        reader.SkipLastField();
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
        catch (Exception e) when (e is InvalidProtocolBufferException or FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw ApiErrors.BadRequest($"the protobuf body could not be decoded: {e.Message}");
        }
    }

    private static (string? ApiVersion, string? Kind) TypeMeta(byte[] data)
    {
        using var reader = new CodedInputStream(data);
        string? apiVersion = null;
        string? kind = null;
        for (var tag = reader.ReadTag(); tag != 0; tag = reader.ReadTag())
        {
            var field = WireFormat.GetTagFieldNumber(tag);
            switch (field)
            {
                case 1:
                    apiVersion = reader.ReadString();
                    break;
                case 2:
                    kind = reader.ReadString();
                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }

        return (apiVersion, kind);
    }

    private static void Secret(byte[] data, JsonObject obj)
    {
        using var reader = new CodedInputStream(data);
        for (var tag = reader.ReadTag(); tag != 0; tag = reader.ReadTag())
        {
            var field = WireFormat.GetTagFieldNumber(tag);
            switch (field)
            {
                case 1:
                    obj["metadata"] = ObjectMeta(reader.ReadBytes().ToByteArray());
                    break;
                case 2:
                    AddEntry(obj, "data", reader.ReadBytes().ToByteArray(), base64: true);
                    break;
                case 3:
                    obj["type"] = reader.ReadString();
                    break;
                case 4:
                    AddEntry(obj, "stringData", reader.ReadBytes().ToByteArray(), base64: false);
                    break;
                case 5:
                    obj["immutable"] = reader.ReadBool();
                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }
    }

    private static void ConfigMap(byte[] data, JsonObject obj)
    {
        using var reader = new CodedInputStream(data);
        for (var tag = reader.ReadTag(); tag != 0; tag = reader.ReadTag())
        {
            var field = WireFormat.GetTagFieldNumber(tag);
            switch (field)
            {
                case 1:
                    obj["metadata"] = ObjectMeta(reader.ReadBytes().ToByteArray());
                    break;
                case 2:
                    AddEntry(obj, "data", reader.ReadBytes().ToByteArray(), base64: false);
                    break;
                case 3:
                    AddEntry(obj, "binaryData", reader.ReadBytes().ToByteArray(), base64: true);
                    break;
                case 4:
                    obj["immutable"] = reader.ReadBool();
                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }
    }

    private static void Namespace(byte[] data, JsonObject obj)
    {
        using var reader = new CodedInputStream(data);
        for (var tag = reader.ReadTag(); tag != 0; tag = reader.ReadTag())
        {
            var field = WireFormat.GetTagFieldNumber(tag);
            switch (field)
            {
                case 1:
                    obj["metadata"] = ObjectMeta(reader.ReadBytes().ToByteArray());
                    break;
                case 2:
                    var finalizers = NamespaceFinalizers(reader.ReadBytes().ToByteArray());
                    if (finalizers.Count > 0)
                    {
                        obj["spec"] = new JsonObject { ["finalizers"] = finalizers };
                    }

                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }
    }

    private static JsonArray NamespaceFinalizers(byte[] data)
    {
        using var spec = new CodedInputStream(data);
        var finalizers = new JsonArray();
        for (var tag = spec.ReadTag(); tag != 0; tag = spec.ReadTag())
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                finalizers.Add(spec.ReadString());
            }
            else
            {
                spec.SkipLastField();
            }
        }

        return finalizers;
    }

    private static void ServiceAccount(byte[] data, JsonObject obj)
    {
        using var reader = new CodedInputStream(data);
        for (var tag = reader.ReadTag(); tag != 0; tag = reader.ReadTag())
        {
            var field = WireFormat.GetTagFieldNumber(tag);
            switch (field)
            {
                case 1:
                    obj["metadata"] = ObjectMeta(reader.ReadBytes().ToByteArray());
                    break;
                case 4:
                    obj["automountServiceAccountToken"] = reader.ReadBool();
                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }
    }

    private static JsonObject ObjectMeta(byte[] data)
    {
        var metadata = new JsonObject();
        using var reader = new CodedInputStream(data);
        for (var tag = reader.ReadTag(); tag != 0; tag = reader.ReadTag())
        {
            var field = WireFormat.GetTagFieldNumber(tag);
            switch (field)
            {
                case 1 or 2 or 3 or 5 or 6 when reader.ReadString() is { Length: > 0 } text:
                    metadata[field switch { 1 => "name", 2 => "generateName", 3 => "namespace", 5 => "uid", _ => "resourceVersion" }] = text;
                    break;
                case 1 or 2 or 3 or 5 or 6:
                    break;
                case 11:
                    AddEntry(metadata, "labels", reader.ReadBytes().ToByteArray(), base64: false);
                    break;
                case 12:
                    AddEntry(metadata, "annotations", reader.ReadBytes().ToByteArray(), base64: false);
                    break;
                case 14:
                    var finalizers = metadata["finalizers"] as JsonArray ?? [];
                    finalizers.Add(reader.ReadString());
                    metadata["finalizers"] = finalizers;
                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }

        return metadata;
    }

    /// <summary>Adds one map entry (a nested message with key 1 and value 2) to <c>obj[field]</c>.</summary>
    private static void AddEntry(JsonObject obj, string field, byte[] entry, bool base64)
    {
        using var reader = new CodedInputStream(entry);
        var key = string.Empty;
        var value = string.Empty;
        for (var tag = reader.ReadTag(); tag != 0; tag = reader.ReadTag())
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            switch (number)
            {
                case 1:
                    key = reader.ReadString();
                    break;
                case 2:
                    value = base64 ? Convert.ToBase64String(reader.ReadBytes().ToByteArray()) : reader.ReadString();
                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }

        var map = obj[field] as JsonObject ?? [];
        map[key] = value;
        obj[field] = map;
    }
}
