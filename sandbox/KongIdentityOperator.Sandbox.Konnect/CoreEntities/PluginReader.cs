using System.Text.Json;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.Konnect.CoreEntities.PluginSchemas;
using KongIdentityOperator.Sandbox.Konnect.Http;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>
/// Reads a plugin body (POST or PUT). Known plugins (<c>upstream-oauth</c>) get their config validated and filled with
/// schema defaults; other plugins keep the config as given.
/// </summary>
internal static class PluginReader
{
    private static readonly IReadOnlyList<string> DefaultProtocols = ["grpc", "grpcs", "http", "https"];

    public static Plugin Read(JsonBodyReader body, Guid? pathId)
    {
        var id = body.String("id");
        var name = body.String("name", required: true, minLength: 1);
        var schema = name is null ? null : PluginSchemaRegistry.Find(name);
        var protocols = body.EnumArray("protocols", schema?.Protocols ?? CoreValidation.Protocols) ?? [.. schema?.Protocols ?? DefaultProtocols];
        var configInput = body.Object("config");
        var condition = body.String("condition", maxLength: 1024, nullable: true);
        var plugin = new Plugin(
            GatewayServiceReader.ResolveId(body, id, pathId),
            0,
            name ?? "",
            body.String("instance_name", nullable: true),
            default,
            body.Boolean("enabled", nullable: true) ?? true,
            protocols,
            body.StringArray("tags", nullable: true),
            CoreValidation.ForeignId(body, "service"),
            CoreValidation.ForeignId(body, "route"),
            CoreValidation.ForeignId(body, "consumer")?.ToString(),
            CoreValidation.ForeignId(body, "consumer_group")?.ToString(),
            body.Object("ordering"),
            ReadPartials(body),
            condition,
            default,
            default);
        body.Ignore("created_at", "updated_at");
        CoreValidation.ThrowIfInvalid(body);
        return plugin with { Config = ReadConfig(schema, configInput) };
    }

    private static JsonElement ReadConfig(PluginSchema? schema, JsonElement? input)
    {
        if (schema is null)
        {
            return input ?? JsonSerializer.SerializeToElement(new JsonObject(), CoreJsonContext.Default.JsonObject);
        }

        var errors = new List<CoreErrorDetail>();
        var config = schema.Config.Validate(input, "config", errors) as JsonObject;
        if (config is not null && errors.Count == 0)
        {
            errors.AddRange(schema.EntityChecks(config));
        }

        return errors.Count > 0
            ? throw CoreEntityException.Validation(errors)
            : JsonSerializer.SerializeToElement(config!, CoreJsonContext.Default.JsonObject);
    }

    private static JsonElement? ReadPartials(JsonBodyReader body)
    {
        if (!body.Has("partials") || body.IsNull("partials"))
        {
            return null;
        }

        var value = body.Root.GetProperty("partials");
        if (value.ValueKind == JsonValueKind.Array)
        {
            return value;
        }

        body.Fail(new InvalidParameter("partials", "is_array", "expected an array"));
        return null;
    }
}
