namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>One entry of a Konnect 400 <c>invalid_parameters</c> array.</summary>
internal sealed record InvalidParameter(string Field, string? Rule, string Reason)
{
    public string? Source { get; init; } = "body";

    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    public IReadOnlyList<string>? Choices { get; init; }

    public static InvalidParameter Required(string field) => new(field, "required", "is a required field");

    public static InvalidParameter UnknownProperty(string field) => new(field, "unknown_property", "is an unknown property");

    public static InvalidParameter Enum(string field, IReadOnlyList<string> choices) =>
        new(field, "enum", $"must be one of: {string.Join(", ", choices)}") { Choices = choices };

    public static InvalidParameter Min(string field, long minimum) =>
        new(field, "min", $"must be greater than or equal to {minimum}") { Minimum = minimum };

    public static InvalidParameter Max(string field, long maximum) =>
        new(field, "max", $"must be less than or equal to {maximum}") { Maximum = maximum };

    public static InvalidParameter MinLength(string field, long minimum) =>
        new(field, "min_length", $"must have at least {minimum} characters") { Minimum = minimum };

    public static InvalidParameter MaxLength(string field, long maximum) =>
        new(field, "max_length", $"must not have more than {maximum} characters") { Maximum = maximum };

    public static InvalidParameter MaxItems(string field, long maximum) =>
        new(field, "max_items", $"must not have more than {maximum} items") { Maximum = maximum };

    public static InvalidParameter Uuid(string field) => new(field, "is_uuid", "must be a valid UUID");

    public static InvalidParameter MissingReference(string field, string what) =>
        new(field, "missing_reference", $"references {what} that does not exist");
}
