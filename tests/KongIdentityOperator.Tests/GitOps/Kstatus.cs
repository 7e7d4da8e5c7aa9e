using System.Text.Json.Nodes;

namespace KongIdentityOperator.Tests.GitOps;

/// <summary>
/// A port of kstatus' status computation for custom resources: kubernetes-sigs/cli-utils
/// <c>pkg/kstatus/status/status.go</c> (<c>Compute</c>) and <c>pkg/kstatus/status/generic.go</c>
/// (<c>checkGenericProperties</c>, <c>checkGeneration</c>). This is what Flux's health checks and
/// <c>kpt live status</c> read. The type-specific rules (<c>GetLegacyConditionsFn</c>) cover only built-in kinds
/// such as Deployment or Pod, so they never apply to identity.konghq.com and are left out.
/// Malformed fields raise <see cref="FormatException"/>, where kstatus returns an error.
/// </summary>
internal static class Kstatus
{
    private const string ConditionTrue = "True";

    public static KstatusResult Compute(JsonObject resource) =>
        CheckGenericProperties(resource) ?? new KstatusResult(KstatusStatus.Current, "Resource is current");

    private static KstatusResult? CheckGenericProperties(JsonObject resource)
    {
        var (deletionTimestamp, deleting) = Unstructured.NestedString(resource, "metadata", "deletionTimestamp");
        if (deleting && !string.IsNullOrEmpty(deletionTimestamp))
        {
            return new KstatusResult(KstatusStatus.Terminating, "Resource scheduled for deletion");
        }

        var generation = CheckGeneration(resource);
        if (generation is not null)
        {
            return generation;
        }

        // The abnormal-true conditions decide on their own; the first True one in list order wins.
        foreach (var condition in Conditions(resource))
        {
            if (condition.Type == "Reconciling" && condition.Status == ConditionTrue)
            {
                return new KstatusResult(KstatusStatus.InProgress, condition.Message);
            }

            if (condition.Type == "Stalled" && condition.Status == ConditionTrue)
            {
                return new KstatusResult(KstatusStatus.Failed, condition.Message);
            }
        }

        return null;
    }

    private static KstatusResult? CheckGeneration(JsonObject resource)
    {
        var (generation, hasGeneration) = Unstructured.NestedInt64(resource, "metadata", "generation");
        if (!hasGeneration)
        {
            return null;
        }

        // Without status.observedGeneration the check is skipped, which is why the CRD defaults it to -1.
        var (observed, hasObserved) = Unstructured.NestedInt64(resource, "status", "observedGeneration");
        if (!hasObserved || observed == generation)
        {
            return null;
        }

        var (kind, _) = Unstructured.NestedString(resource, "kind");
        return new KstatusResult(KstatusStatus.InProgress, $"{kind} generation is {generation}, but latest observed generation is {observed}");
    }

    // GetObjectWithConditions: status.conditions converted to {type, status, reason, message}; other shapes fail.
    private static IEnumerable<(string Type, string Status, string Message)> Conditions(JsonObject resource)
    {
        var (conditions, found) = Unstructured.NestedSlice(resource, "status", "conditions");
        if (!found || conditions is null)
        {
            return [];
        }

        return [.. conditions.Select(item => item is JsonObject condition
            ? (Field(condition, "type"), Field(condition, "status"), Field(condition, "message"))
            : throw new FormatException($"status.conditions item {item?.ToJsonString() ?? "null"} is not an object"))];
    }

    private static string Field(JsonObject condition, string name)
    {
        var (value, _) = Unstructured.NestedString(condition, name);
        return value ?? string.Empty;
    }
}
