using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Cel;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Sandbox.KubeApi.Schema;

/// <summary>
/// Evaluates <c>x-kubernetes-validations</c> with the <c>Cel</c> package: <c>self</c> is the value at the rule's
/// node and <c>oldSelf</c> the stored value there (transition rules run only when it exists). A rule that cannot be
/// compiled or evaluated (e.g. Kubernetes CEL library functions such as <c>isURL</c>) is logged and skipped: it
/// never fails a request or crashes the server.
/// </summary>
internal sealed class CelRuleEvaluator(ILogger logger)
{
    private readonly ConcurrentDictionary<string, CelProgramDelegate?> _programs = new(StringComparer.Ordinal);
    private readonly CelEnvironment _environment = new(null, null);
    private readonly Lock _compileGate = new();

    public void Evaluate(JsonNode? value, JsonNode? oldValue, bool hasOld, JsonObject schema, string path, List<FieldError> errors)
    {
        foreach (var rule in Rules(schema))
        {
            if (rule.IsTransition && !hasOld)
            {
                continue;
            }

            if (Run(rule, value, oldValue) is false)
            {
                var field = rule.FieldPath is { Length: > 0 } extra ? path + (extra.StartsWith('.') ? extra : "." + extra) : path;
                var message = rule.Message ?? $"failed rule: {rule.Rule}";
                var type = rule.Reason switch
                {
                    "FieldValueForbidden" => FieldError.Forbidden,
                    "FieldValueRequired" => FieldError.Required,
                    "FieldValueDuplicate" => FieldError.Duplicate,
                    _ => FieldError.Invalid,
                };
                var body = type switch
                {
                    FieldError.Forbidden => $"Forbidden: {message}",
                    FieldError.Required => $"Required value: {message}",
                    FieldError.Duplicate => $"Duplicate value: {message}",
                    _ => $"Invalid value: {SchemaValidator.Render(value)}: {message}",
                };
                errors.Add(new FieldError(type, field.TrimStart('.'), body));
            }
        }

        switch (value)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (SchemaKeywords.ChildSchema(schema, key) is { } childSchema)
                    {
                        var oldObject = oldValue as JsonObject;
                        var childHasOld = hasOld && oldObject is not null && oldObject.ContainsKey(key);
                        var childPath = SchemaKeywords.Properties(schema)?.ContainsKey(key) == true ? FieldPath.Child(path, key) : FieldPath.Key(path, key);
                        Evaluate(child, oldObject?[key], childHasOld, childSchema, childPath, errors);
                    }
                }

                break;
            case JsonArray array when SchemaKeywords.Items(schema) is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    // List items are correlated with old items only for map lists in Kubernetes; by index is close enough.
                    var oldArray = oldValue as JsonArray;
                    var childHasOld = hasOld && oldArray is not null && i < oldArray.Count && schema.StringAt("x-kubernetes-list-type") == "map";
                    Evaluate(array[i], childHasOld ? oldArray![i] : null, childHasOld, items, FieldPath.Index(path, i), errors);
                }

                break;
        }
    }

    private static IEnumerable<CelRule> Rules(JsonObject schema) =>
        (schema.ArrayAt("x-kubernetes-validations") ?? []).OfType<JsonObject>()
            .Where(r => r.StringAt("rule") is not null)
            .Select(r => new CelRule(r.StringAt("rule")!, r.StringAt("message"), r.StringAt("fieldPath"), r.StringAt("reason")));

    /// <summary>The rule's verdict, or null when it could not be evaluated.</summary>
    private bool? Run(CelRule rule, JsonNode? value, JsonNode? oldValue)
    {
        var program = _programs.GetOrAdd(rule.Rule, Compile);
        if (program is null)
        {
            return null;
        }

        try
        {
            var variables = new Dictionary<string, object?>(StringComparer.Ordinal) { ["self"] = CelValues.From(value), ["oldSelf"] = CelValues.From(oldValue) };
            return program(variables!) switch
            {
                bool verdict => verdict,
                var other => LogUnusable(rule, $"it returned {other?.GetType().Name ?? "null"}, not a bool"),
            };
        }
        catch (Exception e) when (e is CelException or InvalidOperationException or InvalidCastException or KeyNotFoundException or NullReferenceException or ArgumentException or NotSupportedException)
        {
            // A missing field (has() not used) fails the rule on the real server too; other errors mean an unsupported rule.
            if (e is CelNoSuchFieldException or KeyNotFoundException)
            {
                return false;
            }

            return LogUnusable(rule, e.Message);
        }
    }

    private CelProgramDelegate? Compile(string rule)
    {
        try
        {
            lock (_compileGate)
            {
                return _environment.Compile(rule);
            }
        }
        catch (Exception e) when (e is CelException or InvalidOperationException or ArgumentException or NotSupportedException or NullReferenceException)
        {
            logger.LogWarning("CEL rule {Rule} cannot be compiled by the sandbox and is skipped: {Reason}", rule, e.Message);
            return null;
        }
    }

    private bool? LogUnusable(CelRule rule, string reason)
    {
        logger.LogWarning("CEL rule {Rule} cannot be evaluated by the sandbox and is skipped: {Reason}", rule.Rule, reason);
        return null;
    }
}
