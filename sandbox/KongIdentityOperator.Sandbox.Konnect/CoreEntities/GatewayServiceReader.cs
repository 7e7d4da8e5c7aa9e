using KongIdentityOperator.Sandbox.Konnect.Http;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>Reads a service body (POST or PUT) into an entity with defaults; <c>url</c> sets protocol, host, port and path.</summary>
internal static class GatewayServiceReader
{
    private const int MaxTimeout = 2_147_483_646;

    public static GatewayService Read(JsonBodyReader body, Guid? pathId)
    {
        var id = body.String("id");
        var name = body.String("name", nullable: true);
        CoreValidation.CheckName(body, name);
        var url = body.String("url", nullable: true);
        var host = body.String("host", minLength: 1);
        var port = body.Integer("port", 0, 65535, nullable: true);
        var protocol = body.Enum("protocol", CoreValidation.Protocols, nullable: true);
        var path = body.String("path", nullable: true);
        if (url is not null)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
            {
                protocol ??= uri.Scheme;
                host ??= uri.Host;
                port ??= uri.Port;
                path ??= uri.AbsolutePath == "/" && !url.EndsWith('/') ? null : uri.AbsolutePath;
            }
            else
            {
                body.Fail(new InvalidParameter("url", "invalid", "missing host in url"));
            }
        }
        else if (host is null)
        {
            body.Fail(new InvalidParameter("host", "required", "required field missing"));
        }

        if (path is not null && !path.StartsWith('/'))
        {
            body.Fail(new InvalidParameter("path", "invalid", "should start with: /"));
        }

        var service = new GatewayService(
            ResolveId(body, id, pathId),
            0,
            name,
            host ?? "",
            port ?? (protocol is "https" or "grpcs" or "tls" or "wss" ? 443 : 80),
            protocol ?? "http",
            path,
            body.Integer("retries", 0, 32767, nullable: true) ?? 5,
            body.Integer("connect_timeout", 1, MaxTimeout, nullable: true) ?? 60000,
            body.Integer("write_timeout", 1, MaxTimeout, nullable: true) ?? 60000,
            body.Integer("read_timeout", 1, MaxTimeout, nullable: true) ?? 60000,
            body.Boolean("enabled", nullable: true) ?? true,
            body.StringArray("tags", nullable: true),
            body.Boolean("tls_verify", nullable: true),
            body.Integer("tls_verify_depth", 0, 64, nullable: true),
            body.StringArray("ca_certificates", nullable: true),
            CoreValidation.ForeignId(body, "client_certificate")?.ToString(),
            body.Object("tls_sans"),
            default,
            default);
        body.Ignore("created_at", "updated_at");
        CoreValidation.ThrowIfInvalid(body);
        return service;
    }

    /// <summary>The path id wins; otherwise the body's <c>id</c> (a uuid) or a new one.</summary>
    public static Guid ResolveId(JsonBodyReader body, string? bodyId, Guid? pathId)
    {
        if (pathId is not null)
        {
            return pathId.Value;
        }

        if (bodyId is null)
        {
            return Guid.NewGuid();
        }

        if (Guid.TryParseExact(bodyId, "D", out var id))
        {
            return id;
        }

        body.Fail(new InvalidParameter("id", "is_uuid", "expected a valid UUID"));
        return Guid.Empty;
    }
}
