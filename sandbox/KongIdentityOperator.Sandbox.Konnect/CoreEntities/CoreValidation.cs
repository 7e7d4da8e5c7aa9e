using System.Text.RegularExpressions;
using KongIdentityOperator.Sandbox.Konnect.Http;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>Body reading and validation for core entities, reported in Kong's gRPC-style error body.</summary>
internal static partial class CoreValidation
{
    public static readonly IReadOnlyList<string> Protocols = ["grpc", "grpcs", "http", "https", "tcp", "tls", "tls_passthrough", "udp", "ws", "wss"];

    public static async Task<JsonBodyReader> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonBodyReader.ReadAsync(request, cancellationToken);
        }
        catch (ProblemException)
        {
            throw CoreEntityException.Validation("", "failed to parse request body: expected a JSON object");
        }
    }

    /// <summary>Kong entity names: letters, digits and <c>. - _ ~</c>.</summary>
    public static void CheckName(JsonBodyReader body, string? name)
    {
        if (name is not null && !NamePattern().IsMatch(name))
        {
            body.Fail(new InvalidParameter("name", "invalid", "invalid value '" + name + "': it must only contain alphanumeric and '., -, _, ~' characters"));
        }
    }

    /// <summary>An optional <c>{"id": "uuid"}</c> reference.</summary>
    public static Guid? ForeignId(JsonBodyReader body, string name)
    {
        var reference = body.Object(name);
        if (reference is null)
        {
            return null;
        }

        var reader = new JsonBodyReader(reference.Value, name + ".");
        var id = reader.String("id");
        reader.Ignore("name");
        if (id is not null && Guid.TryParseExact(id, "D", out var guid))
        {
            return guid;
        }

        body.Fail(new InvalidParameter(name + ".id", "is_uuid", "expected a valid UUID"));
        return null;
    }

    public static void ThrowIfInvalid(JsonBodyReader body)
    {
        var errors = body.Finish();
        if (errors.Count > 0)
        {
            throw CoreEntityException.Validation(errors
                .Select(e => CoreErrorDetail.FieldError(e.Field, e.Rule == "unknown_property" ? "unknown field" : e.Reason))
                .ToList());
        }
    }

    [GeneratedRegex(@"^[\w.\-~]+$")]
    private static partial Regex NamePattern();
}
