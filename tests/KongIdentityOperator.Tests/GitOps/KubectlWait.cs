using System.Text.Json.Nodes;

namespace KongIdentityOperator.Tests.GitOps;

/// <summary>
/// A port of what <c>kubectl wait --for=condition=NAME[=STATUS]</c> checks on each object it sees:
/// kubernetes/kubectl <c>pkg/cmd/wait/condition.go</c> (<c>ConditionalWait.checkCondition</c> and
/// <c>getObservedGeneration</c>). The condition's own observedGeneration, else status.observedGeneration, must
/// not be behind metadata.generation; names and statuses compare case-insensitively.
/// </summary>
internal static class KubectlWait
{
    public static bool IsConditionMet(JsonObject resource, string conditionName, string conditionStatus = "True")
    {
        var (conditions, found) = Unstructured.NestedSlice(resource, "status", "conditions");
        if (!found || conditions is null)
        {
            return false;
        }

        // kubectl type-asserts each item to a map (and panics on anything else); skipping non-objects is the lenient reading.
        foreach (var condition in conditions.OfType<JsonObject>())
        {
            if (!TryString(condition, "type", out var name) || !string.Equals(name, conditionName, StringComparison.OrdinalIgnoreCase)
                || !TryString(condition, "status", out var status))
            {
                continue;
            }

            var (generation, hasGeneration) = Unstructured.NestedInt64(resource, "metadata", "generation");
            if (hasGeneration && ObservedGeneration(resource, condition) is { } observed && observed < generation)
            {
                return false;
            }

            return string.Equals(status, conditionStatus, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    private static long? ObservedGeneration(JsonObject resource, JsonObject condition)
    {
        if (TryInt64(condition, out var fromCondition, "observedGeneration"))
        {
            return fromCondition;
        }

        return TryInt64(resource, out var fromStatus, "status", "observedGeneration") ? fromStatus : null;
    }

    // kubectl ignores accessor errors here: a malformed field reads as absent.
    private static bool TryString(JsonObject map, string name, out string value)
    {
        try
        {
            var (found, exists) = Unstructured.NestedString(map, name);
            value = found ?? string.Empty;
            return exists;
        }
        catch (FormatException)
        {
            value = string.Empty;
            return false;
        }
    }

    private static bool TryInt64(JsonObject map, out long value, params string[] path)
    {
        try
        {
            (value, var found) = Unstructured.NestedInt64(map, path);
            return found;
        }
        catch (FormatException)
        {
            value = 0;
            return false;
        }
    }
}
