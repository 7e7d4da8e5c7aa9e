namespace KongIdentityOperator.Sandbox.KubeApi.Schema;

/// <summary>One <c>x-kubernetes-validations</c> entry.</summary>
internal sealed record CelRule(string Rule, string? Message, string? FieldPath, string? Reason)
{
    /// <summary>Transition rules read <c>oldSelf</c> and only run on update, where an old value exists.</summary>
    public bool IsTransition => Rule.Contains("oldSelf", StringComparison.Ordinal);
}
