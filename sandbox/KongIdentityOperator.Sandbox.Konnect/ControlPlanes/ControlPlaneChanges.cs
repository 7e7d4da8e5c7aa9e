using System.Collections.Immutable;
using System.Text.Json;
using KongIdentityOperator.Sandbox.Konnect.Http;

namespace KongIdentityOperator.Sandbox.Konnect.ControlPlanes;

/// <summary>The fields a POST or PATCH of a control plane sets (null = not given).</summary>
internal sealed record ControlPlaneChanges(
    string? Name,
    string? Description,
    string? ClusterType,
    string? AuthType,
    bool? CloudGateway,
    ImmutableArray<ProxyUrl>? ProxyUrls,
    ImmutableDictionary<string, string>? Labels)
{
    public static ControlPlaneChanges Read(JsonBodyReader body, bool create)
    {
        var changes = new ControlPlaneChanges(
            body.String("name", required: create, minLength: 2, maxLength: 256),
            body.String("description", maxLength: 2048),
            create ? body.Enum("cluster_type", ControlPlaneRules.ClusterTypes) : null,
            body.Enum("auth_type", ControlPlaneRules.AuthTypes),
            create ? body.Boolean("cloud_gateway") : null,
            ReadProxyUrls(body),
            body.Labels("labels"));
        body.ThrowIfInvalid();
        return changes;
    }

    private static ImmutableArray<ProxyUrl>? ReadProxyUrls(JsonBodyReader body)
    {
        var array = body.Has("proxy_urls") ? body.Root.GetProperty("proxy_urls") : default;
        if (array.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            body.Fail(new InvalidParameter("proxy_urls", "is_array", "must be an array"));
            return null;
        }

        if (array.GetArrayLength() > ControlPlaneRules.MaxProxyUrls)
        {
            body.Fail(InvalidParameter.MaxItems("proxy_urls", ControlPlaneRules.MaxProxyUrls));
        }

        var urls = ImmutableArray.CreateBuilder<ProxyUrl>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var prefix = $"proxy_urls[{index++}].";
            if (item.ValueKind != JsonValueKind.Object)
            {
                body.Fail(new InvalidParameter(prefix.TrimEnd('.'), "is_object", "must be an object"));
                continue;
            }

            var errors = new List<InvalidParameter>();
            var reader = new JsonBodyReader(item, prefix, errors);
            var host = reader.String("host", required: true, minLength: 1, maxLength: 120);
            var port = reader.Integer("port", minimum: 1, maximum: 65535, required: true);
            var protocol = reader.String("protocol", required: true, minLength: 1, maxLength: 32);
            reader.Finish().ToList().ForEach(body.Fail);
            if (host is not null && port is not null && protocol is not null)
            {
                urls.Add(new ProxyUrl(host, port.Value, protocol));
            }
        }

        return urls.ToImmutable();
    }
}
