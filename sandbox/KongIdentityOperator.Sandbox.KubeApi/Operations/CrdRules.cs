using System.Text.Json;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>
/// CustomResourceDefinition specifics: the validation the real apiextensions server applies to the names, the
/// defaults it fills in, and the status its controllers set (NamesAccepted and Established True, at once).
/// </summary>
internal static class CrdRules
{
    public static bool Applies(ResourceDefinition definition) => definition.Key == BuiltInResources.CustomResourceDefinitions.Key;

    /// <summary>Validates and defaults the spec, and sets the status the CRD controllers would set.</summary>
    public static void Prepare(JsonObject crd, JsonObject? old, DateTimeOffset now)
    {
        var name = crd.StringAt("metadata", "name") ?? string.Empty;
        var errors = Validate(crd, name).ToList();
        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(BuiltInResources.CustomResourceDefinitions, name, errors);
        }

        var names = crd.ObjectAt("spec", "names")!;
        var kind = names.StringAt("kind")!;
        names["singular"] ??= kind.ToLowerInvariant();
        names["listKind"] ??= kind + "List";
        var spec = crd.ObjectAt("spec")!;
        spec["conversion"] ??= new JsonObject { ["strategy"] = "None" };

        var storage = CrdDefinitions.StorageVersion(crd)!;
        var stored = old.At("status", "storedVersions").StringList().ToList();
        if (!stored.Contains(storage))
        {
            stored.Add(storage);
        }

        var time = Timestamps.Format(now);
        var oldConditions = old.ArrayAt("status", "conditions");
        crd["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", time, oldConditions),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", time, oldConditions)),
            ["acceptedNames"] = names.DeepClone(),
            ["storedVersions"] = new JsonArray([.. stored.Select(v => (JsonNode?)v)]),
        };
    }

    private static JsonObject Condition(string type, string reason, string message, string time, JsonArray? old)
    {
        var previous = old?.OfType<JsonObject>().FirstOrDefault(c => c.StringAt("type") == type && c.StringAt("status") == "True");
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastTransitionTime"] = previous?.StringAt("lastTransitionTime") ?? time,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    private static IEnumerable<FieldError> Validate(JsonObject crd, string name)
    {
        var spec = crd.ObjectAt("spec");
        var group = spec.StringAt("group");
        var names = spec.ObjectAt("names");
        var plural = names.StringAt("plural");
        if (string.IsNullOrEmpty(group))
        {
            yield return new FieldError(FieldError.Required, "spec.group", "Required value");
        }
        else if (!group.Contains('.', StringComparison.Ordinal))
        {
            yield return new FieldError(FieldError.Invalid, "spec.group", $"Invalid value: \"{group}\": should be a domain with at least one dot");
        }

        if (string.IsNullOrEmpty(plural))
        {
            yield return new FieldError(FieldError.Required, "spec.names.plural", "Required value");
        }

        if (string.IsNullOrEmpty(names.StringAt("kind")))
        {
            yield return new FieldError(FieldError.Required, "spec.names.kind", "Required value");
        }

        if (!string.IsNullOrEmpty(group) && !string.IsNullOrEmpty(plural) && name != $"{plural}.{group}")
        {
            yield return new FieldError(FieldError.Invalid, "metadata.name", $"Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group");
        }

        if (spec.StringAt("scope") is not ("Namespaced" or "Cluster"))
        {
            yield return new FieldError(FieldError.NotSupported, "spec.scope", $"Unsupported value: \"{spec.StringAt("scope")}\": supported values: \"Cluster\", \"Namespaced\"");
        }

        var versions = spec.ArrayAt("versions")?.OfType<JsonObject>().ToList() ?? [];
        if (versions.Count == 0)
        {
            yield return new FieldError(FieldError.Invalid, "spec.versions", "Invalid value: must have exactly one version marked as storage version");
        }
        else if (versions.Count(v => v["storage"] is JsonValue s && s.GetValueKind() == JsonValueKind.True) != 1)
        {
            yield return new FieldError(FieldError.Invalid, "spec.versions", "Invalid value: must have exactly one version marked as storage version");
        }

        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i].ObjectAt("schema", "openAPIV3Schema") is null)
            {
                yield return new FieldError(FieldError.Required, $"spec.versions[{i}].schema.openAPIV3Schema", "Required value: schemas are required");
            }
        }
    }
}
