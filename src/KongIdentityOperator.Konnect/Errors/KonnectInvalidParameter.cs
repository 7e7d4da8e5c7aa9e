namespace KongIdentityOperator.Konnect.Errors;

/// <summary>One entry of a Konnect 400's <c>invalid_parameters</c>.</summary>
/// <param name="Field">The offending field, e.g. <c>access_token_duration</c>.</param>
/// <param name="Reason">Human-readable reason.</param>
/// <param name="Rule">e.g. <c>required</c>, <c>min</c>, <c>max_length</c>, <c>enum</c>, <c>is_uuid</c>, <c>unknown_property</c>; may be absent.</param>
/// <param name="Source">Where the field was, e.g. <c>body</c>.</param>
public sealed record KonnectInvalidParameter(string Field, string Reason, string? Rule = null, string? Source = null)
{
    /// <summary>The lower bound of <c>min*</c> rules.</summary>
    public long? Minimum { get; init; }

    /// <summary>The upper bound of <c>max*</c> rules.</summary>
    public long? Maximum { get; init; }

    /// <summary>The allowed values of the <c>enum</c> rule.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The fields named by the <c>dependent_fields</c> rule.</summary>
    public IReadOnlyList<string> Dependents { get; init; } = [];

    /// <summary>A short form for messages, e.g. <c>name: is required (required)</c>.</summary>
    public string Describe()
    {
        var facts = new List<string>(3);
        if (Rule is not null)
        {
            facts.Add(Rule);
        }

        if (Minimum is { } minimum)
        {
            facts.Add($"minimum {minimum}");
        }

        if (Maximum is { } maximum)
        {
            facts.Add($"maximum {maximum}");
        }

        if (Choices.Count > 0)
        {
            facts.Add($"one of {string.Join("|", Choices)}");
        }

        if (Dependents.Count > 0)
        {
            facts.Add($"with {string.Join(", ", Dependents)}");
        }

        return facts.Count == 0 ? $"{Field}: {Reason}" : $"{Field}: {Reason} ({string.Join(", ", facts)})";
    }
}
