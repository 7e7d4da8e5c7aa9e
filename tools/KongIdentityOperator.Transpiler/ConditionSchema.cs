using k8s.Models;

namespace KongIdentityOperator.Transpiler;

/// <summary>The schema of a <c>metav1.Condition</c>, as the Kubernetes API conventions define it.</summary>
internal static class ConditionSchema
{
    public static V1JSONSchemaProps Create() => new()
    {
        Type = "object",
        Description = "A condition of the resource (metav1.Condition).",
        Required = ["type", "status", "lastTransitionTime", "reason", "message"],
        Properties = new Dictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal)
        {
            ["type"] = new() { Type = "string", MaxLength = 316, Description = "Type of the condition, e.g. Ready." },
            ["status"] = new() { Type = "string", EnumProperty = ["True", "False", "Unknown"], Description = "True, False or Unknown." },
            ["observedGeneration"] = new() { Type = "integer", Format = "int64", Minimum = 0, Description = "The generation this condition was set for." },
            ["lastTransitionTime"] = new() { Type = "string", Format = "date-time", Description = "When the status last changed." },
            ["reason"] = new() { Type = "string", MaxLength = 1024, MinLength = 1, Description = "A CamelCase reason for the last transition." },
            ["message"] = new() { Type = "string", MaxLength = 32768, Description = "A human-readable message about the last transition." },
        },
    };
}
