namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>A CEL rule emitted as <c>x-kubernetes-validations</c> on the type or property it decorates.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true)]
public sealed class ValidationRuleAttribute(string rule, string message) : Attribute
{
    public string Rule { get; } = rule;

    public string Message { get; } = message;

    /// <summary>Optional field path the failure is reported on (e.g. <c>.region</c>).</summary>
    public string? FieldPath { get; init; }

    /// <summary>Optional reason: FieldValueInvalid (default), FieldValueForbidden, FieldValueRequired, FieldValueDuplicate.</summary>
    public string? Reason { get; init; }
}
