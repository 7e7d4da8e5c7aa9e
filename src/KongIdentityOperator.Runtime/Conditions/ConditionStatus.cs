namespace KongIdentityOperator.Runtime.Conditions;

/// <summary>The three values of <c>condition.status</c>.</summary>
public static class ConditionStatus
{
    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";
}
