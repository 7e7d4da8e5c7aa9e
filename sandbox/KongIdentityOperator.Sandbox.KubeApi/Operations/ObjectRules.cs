using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>The checks and metadata rules every write shares (apimachinery's ObjectMeta strategy).</summary>
internal static partial class ObjectRules
{
    /// <summary>
    /// Checks the body's apiVersion and kind against the endpoint. Built-ins may omit both (the real decoder
    /// defaults them from the URL); custom resources may not.
    /// </summary>
    public static void ApplyTypeMeta(ResourceDefinition definition, JsonObject body)
    {
        var apiVersion = body.StringAt("apiVersion");
        var kind = body.StringAt("kind");
        if (string.IsNullOrEmpty(kind) && definition.IsCustom)
        {
            throw ApiErrors.BadRequest("Object 'Kind' is missing in the request body");
        }

        if (string.IsNullOrEmpty(apiVersion) && definition.IsCustom)
        {
            throw ApiErrors.BadRequest("Object 'apiVersion' is missing in the request body");
        }

        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != definition.ApiVersion)
        {
            throw ApiErrors.BadRequest(
                $"the API version in the data ({apiVersion}) does not match the expected API version ({definition.ApiVersion})");
        }

        if (!string.IsNullOrEmpty(kind) && kind != definition.Kind)
        {
            throw ApiErrors.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({definition.Kind})");
        }

        // Keep apiVersion and kind first, as the real server serializes them.
        var rest = body.ToList();
        body.Clear();
        body["apiVersion"] = definition.ApiVersion;
        body["kind"] = definition.Kind;
        foreach (var (key, value) in rest)
        {
            if (key is not ("apiVersion" or "kind"))
            {
                body[key] = value;
            }
        }
    }

    /// <summary>Reconciles the body's namespace with the URL's: a mismatch is a 400; absent, it is filled in.</summary>
    public static void ApplyNamespace(ResourceDefinition definition, string urlNamespace, JsonObject metadata)
    {
        if (!definition.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }

        var bodyNamespace = metadata.StringAt("namespace");
        if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != urlNamespace)
        {
            throw ApiErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = urlNamespace;
    }

    /// <summary>A body's name must equal the URL's (PUT and PATCH).</summary>
    public static void CheckName(JsonObject metadata, string urlName)
    {
        var bodyName = metadata.StringAt("name") ?? string.Empty;
        if (bodyName != urlName)
        {
            throw ApiErrors.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({urlName})");
        }
    }

    /// <summary>Whether anything outside <c>metadata</c> (and <c>status</c>, when it is a subresource) changed.</summary>
    public static bool SpecChanged(ResourceDefinition definition, JsonObject old, JsonObject next)
    {
        var a = old.Clone();
        var b = next.Clone();
        a.Remove("metadata");
        b.Remove("metadata");
        if (definition.HasStatusSubresource)
        {
            a.Remove("status");
            b.Remove("status");
        }

        return !JsonNode.DeepEquals(a, b);
    }

    /// <summary>
    /// Whether the two states are the same object, ignoring resourceVersion (a change of field ownership alone is a
    /// change, as on the real server, whose managedFields timestamps only move when a manager's fields do).
    /// </summary>
    public static bool SameContent(JsonObject old, JsonObject next)
    {
        var a = old.Clone();
        var b = next.Clone();
        foreach (var metadata in new[] { a.Metadata(), b.Metadata() })
        {
            metadata.Remove("resourceVersion");
        }

        return JsonNode.DeepEquals(a, b);
    }

    /// <summary>The server-owned metadata a client cannot change after create.</summary>
    public static void PreserveSystemMetadata(JsonObject old, JsonObject next)
    {
        var from = old.Metadata();
        var to = next.Metadata();
        foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "name", "namespace" })
        {
            to.Remove(field);
            if (from[field] is { } value)
            {
                to[field] = value.DeepClone();
            }
        }

        if (to["managedFields"] is null && from["managedFields"] is { } managed)
        {
            to["managedFields"] = managed.DeepClone();
        }
    }

    /// <summary>Copies <c>status</c> from one state to another (removing it when the source has none).</summary>
    public static void CopyStatus(JsonObject from, JsonObject to)
    {
        to.Remove("status");
        if (from["status"] is { } status)
        {
            to["status"] = status.DeepClone();
        }
    }

    /// <summary>Label and annotation syntax (apimachinery's ValidateObjectMeta, reduced to what clients get wrong).</summary>
    public static IEnumerable<FieldError> ValidateMetadata(JsonObject metadata)
    {
        foreach (var (map, isLabels) in new[] { (metadata["labels"], true), (metadata["annotations"], false) })
        {
            var field = isLabels ? "metadata.labels" : "metadata.annotations";
            if (map is null)
            {
                continue;
            }

            if (map is not JsonObject entries)
            {
                yield return new FieldError(FieldError.TypeInvalid, field, "Invalid value: must be a map of strings");
                continue;
            }

            foreach (var (key, value) in entries)
            {
                if (!QualifiedNamePattern().IsMatch(key))
                {
                    yield return new FieldError(FieldError.Invalid, field, $"Invalid value: \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
                }

                if (value is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String)
                {
                    yield return new FieldError(FieldError.TypeInvalid, $"{field}.{key}", "Invalid value: must be a string");
                }
                else if (isLabels && !LabelValuePattern().IsMatch(v.GetValue<string>()))
                {
                    yield return new FieldError(FieldError.Invalid, field, $"Invalid value: \"{v.GetValue<string>()}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
                }
            }
        }
    }

    /// <summary>While an object terminates, no finalizer may be added (apimachinery's ValidateNoNewFinalizers).</summary>
    public static void CheckNoNewFinalizers(ResourceDefinition definition, string name, JsonObject old, JsonObject next)
    {
        var before = old.Metadata()["finalizers"].StringList();
        var added = next.Metadata()["finalizers"].StringList().Where(f => !before.Contains(f)).ToList();
        if (added.Count > 0)
        {
            var list = string.Join(", ", added.Select(f => $"\"{f}\""));
            throw ApiErrors.Invalid(
                definition,
                name,
                new FieldError(FieldError.Forbidden, "metadata.finalizers", $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{{list}}}"));
        }
    }

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex QualifiedNamePattern();

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$")]
    private static partial Regex LabelValuePattern();
}
