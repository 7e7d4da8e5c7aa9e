using System.Globalization;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>
/// The built-in kinds' own validation that clients run into: immutable ConfigMaps and Secrets, the strict checks on
/// events.k8s.io/v1 Events, and the UTC forms the real decoder gives Event and Lease timestamps.
/// </summary>
internal static class BuiltInValidation
{
    private const string ImmutableMessage = "Forbidden: field is immutable when `immutable` is set";

    /// <summary>(resource, MicroTime fields, Time fields) in storage form; a view (events.k8s.io) shares its storage's.</summary>
    private static readonly (ResourceKey Resource, string[][] Micro, string[][] Seconds)[] Timestamps =
    [
        (BuiltInResources.CoreEvents.Key, [["eventTime"], ["series", "lastObservedTime"]], [["firstTimestamp"], ["lastTimestamp"]]),
        (BuiltInResources.Leases.Key, [["spec", "acquireTime"], ["spec", "renewTime"]], []),
    ];

    /// <summary>
    /// Rewrites MicroTime values as <c>2026-01-02T03:04:05.000000Z</c> and Time values as
    /// <c>2026-01-02T03:04:05Z</c> (UTC); an unparsable one is a 400 like the real decoder's.
    /// </summary>
    public static void NormalizeTimestamps(ResourceDefinition definition, JsonObject obj)
    {
        foreach (var (resource, micro, seconds) in Timestamps)
        {
            if (definition.Key != resource)
            {
                continue;
            }

            foreach (var path in micro)
            {
                Normalize(definition, obj, path, Json.Timestamps.FormatMicro);
            }

            foreach (var path in seconds)
            {
                Normalize(definition, obj, path, Json.Timestamps.Format);
            }
        }
    }

    public static IEnumerable<FieldError> ValidateCreate(ResourceDefinition definition, JsonObject obj)
    {
        if (definition.Group != "events.k8s.io")
        {
            yield break;
        }

        // events.k8s.io/v1 (and later) creates get the strict checks; core/v1 keeps the legacy ones.
        if (obj["eventTime"] is null)
        {
            yield return new FieldError(FieldError.Required, "eventTime", "Required value");
        }

        if (obj.StringAt("type") is var type && type is not ("Normal" or "Warning"))
        {
            yield return new FieldError(FieldError.Invalid, "type", $"Invalid value: \"\": has invalid value: {type}");
        }

        foreach (var (storageField, field) in new[] { ("reportingComponent", "reportingController"), ("reportingInstance", "reportingInstance"), ("action", "action"), ("reason", "reason") })
        {
            if (string.IsNullOrEmpty(obj.StringAt(storageField)))
            {
                yield return new FieldError(FieldError.Required, field, "Required value");
            }
        }
    }

    public static IEnumerable<FieldError> ValidateUpdate(ResourceDefinition definition, JsonObject old, JsonObject next)
    {
        var isConfigMap = definition.Key == BuiltInResources.ConfigMaps.Key;
        var isSecret = definition.Key == BuiltInResources.Secrets.Key;
        if (!isConfigMap && !isSecret)
        {
            yield break;
        }

        if (isSecret && old.StringAt("type") is { } oldType && next.StringAt("type") != oldType)
        {
            yield return new FieldError(FieldError.Invalid, "type", $"Invalid value: \"{next.StringAt("type")}\": field is immutable");
        }

        if (!IsTrue(old["immutable"]))
        {
            yield break;
        }

        if (!IsTrue(next["immutable"]))
        {
            yield return new FieldError(FieldError.Forbidden, "immutable", ImmutableMessage);
        }

        if (!JsonNode.DeepEquals(old["data"] ?? new JsonObject(), next["data"] ?? new JsonObject()))
        {
            yield return new FieldError(FieldError.Forbidden, "data", ImmutableMessage);
        }

        if (isConfigMap && !JsonNode.DeepEquals(old["binaryData"] ?? new JsonObject(), next["binaryData"] ?? new JsonObject()))
        {
            yield return new FieldError(FieldError.Forbidden, "binaryData", ImmutableMessage);
        }
    }

    /// <summary>
    /// A Lease cannot be updated unconditionally: the generic registry's answer (422 on the resource, the missing
    /// version printed as Go prints a zero uint64).
    /// </summary>
    public static StatusException ResourceVersionRequired(ResourceDefinition definition, string name) =>
        new(
            422,
            StatusReasons.Invalid,
            $"{definition.GroupResource} \"{name}\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update",
            new StatusDetails(name, definition.Group, definition.Plural)
            {
                Causes = [new StatusCause(FieldError.Invalid, "Invalid value: 0x0: must be specified for an update", "metadata.resourceVersion")],
            });

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True;

    private static void Normalize(ResourceDefinition definition, JsonObject obj, string[] path, Func<DateTimeOffset, string> format)
    {
        var parent = path.Length == 1 ? obj : obj.At(path.AsSpan(0, path.Length - 1)) as JsonObject;
        if (parent?[path[^1]] is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return;
        }

        var text = value.GetValue<string>();
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw ApiErrors.BadRequest($"{definition.Kind} in version \"{definition.Version}\" cannot be handled as a {definition.Kind}: parsing time \"{text}\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"{text}\" as \"2006\"");
        }

        parent[path[^1]] = format(time);
    }
}
