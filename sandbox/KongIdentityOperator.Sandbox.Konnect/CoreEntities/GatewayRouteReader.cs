using System.Collections.Immutable;
using System.Text.Json;
using KongIdentityOperator.Sandbox.Konnect.Http;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>Reads a route body (POST or PUT) with Kong's defaults and its "at least one matching rule" check.</summary>
internal static class GatewayRouteReader
{
    private static readonly IReadOnlyList<string> RedirectCodes = ["301", "302", "307", "308", "426"];

    private static readonly IReadOnlyList<string> PathHandlings = ["v0", "v1"];

    public static RouteDraft Read(JsonBodyReader body, Guid? pathId)
    {
        var id = body.String("id");
        var name = body.String("name", nullable: true);
        CoreValidation.CheckName(body, name);
        var serviceReference = ReadServiceReference(body);
        var protocols = body.EnumArray("protocols", CoreValidation.Protocols) ?? ["http", "https"];
        var methods = body.StringArray("methods", nullable: true);
        var hosts = body.StringArray("hosts", nullable: true);
        var paths = body.StringArray("paths", nullable: true);
        var headers = body.Object("headers");
        foreach (var (path, index) in (paths ?? []).Select((p, i) => (p, i)))
        {
            if (!path.StartsWith('/') && !path.StartsWith("~/", StringComparison.Ordinal))
            {
                body.Fail(new InvalidParameter($"paths[{index}]", "invalid", "should start with: / (fixed path) or ~/ (regex path)"));
            }
        }

        if (protocols.Any(p => p is "http" or "https") && methods is null && hosts is null && paths is null && headers is null)
        {
            body.Fail(new InvalidParameter("", "invalid", "must set one of 'methods', 'hosts', 'headers', 'paths' when 'protocols' is 'http' or 'https'"));
        }

        var redirect = body.Integer("https_redirect_status_code", nullable: true);
        if (redirect is not null && !RedirectCodes.Contains(redirect.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            body.Fail(InvalidParameter.Enum("https_redirect_status_code", RedirectCodes));
        }

        var route = new GatewayRoute(
            GatewayServiceReader.ResolveId(body, id, pathId),
            0,
            name,
            null,
            protocols,
            methods,
            hosts,
            paths,
            headers,
            body.StringArray("snis", nullable: true),
            ReadRaw(body, "sources"),
            ReadRaw(body, "destinations"),
            redirect ?? 426,
            body.Integer("regex_priority", nullable: true) ?? 0,
            body.Boolean("strip_path", nullable: true) ?? true,
            body.Enum("path_handling", PathHandlings, nullable: true) ?? "v0",
            body.Boolean("preserve_host", nullable: true) ?? false,
            body.Boolean("request_buffering", nullable: true) ?? true,
            body.Boolean("response_buffering", nullable: true) ?? true,
            body.StringArray("tags", nullable: true),
            default,
            default);
        body.Ignore("created_at", "updated_at");
        CoreValidation.ThrowIfInvalid(body);
        return new RouteDraft(route, serviceReference);
    }

    private static string? ReadServiceReference(JsonBodyReader body)
    {
        var reference = body.Object("service");
        if (reference is null)
        {
            return null;
        }

        var reader = new JsonBodyReader(reference.Value, "service.");
        var id = reader.String("id");
        var name = reader.String("name");
        reader.Finish().ToList().ForEach(body.Fail);
        return id ?? name;
    }

    private static JsonElement? ReadRaw(JsonBodyReader body, string name)
    {
        if (!body.Has(name) || body.IsNull(name))
        {
            return null;
        }

        var value = body.Root.GetProperty(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            body.Fail(new InvalidParameter(name, "is_array", "expected an array"));
            return null;
        }

        return value;
    }
}
