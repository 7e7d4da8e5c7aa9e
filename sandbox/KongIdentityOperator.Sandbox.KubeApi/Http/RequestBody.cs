using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Protobuf;
using Microsoft.AspNetCore.Http;
using YamlDotNet.Core;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>Reads a request body as JSON (or YAML, for <c>application/yaml</c> and apply patches).</summary>
internal static class RequestBody
{
    private const int MaxBytes = 3 * 1024 * 1024;

    public static async Task<JsonNode?> ReadAsync(HttpRequest request, bool yaml, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes)
        {
            throw new StatusException(413, StatusReasons.RequestEntityTooLarge, "Request entity too large: limit is 3145728");
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        if (request.ContentType?.Contains("protobuf", StringComparison.OrdinalIgnoreCase) == true)
        {
            return ProtobufDecoder.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        try
        {
            if (yaml)
            {
                return YamlToJson.Convert(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            }

            var node = JsonText.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            Materialize(node);
            return node;
        }
        catch (JsonException e)
        {
            throw ApiErrors.BadRequest($"the body of the request could not be decoded as JSON: {e.Message}");
        }
        catch (YamlException e)
        {
            throw ApiErrors.BadRequest($"error converting YAML to JSON: {e.Message}");
        }
        catch (ArgumentException e)
        {
            // JsonObject reports duplicate keys this way when first enumerated.
            throw ApiErrors.BadRequest($"the body of the request could not be decoded: {e.Message}");
        }
    }

    /// <summary>Reads a body that must be a single JSON object (create, update).</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var node = await ReadAsync(request, IsYaml(request.ContentType), cancellationToken);
        return node as JsonObject ?? throw ApiErrors.BadRequest("the body of the request must be a JSON object");
    }

    public static bool IsYaml(string? contentType) =>
        contentType is not null && contentType.Contains("yaml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Forces lazy JsonObject materialization so duplicate keys surface here, as a 400.</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialize(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
        }
    }
}
