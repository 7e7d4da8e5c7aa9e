namespace KongIdentityOperator.Konnect.Errors;

/// <summary>One entry of a core-entities error's <c>details</c> (gRPC-style body).</summary>
/// <param name="Type">e.g. <c>ERROR_TYPE_FIELD</c> or <c>ERROR_TYPE_REFERENCE</c>.</param>
/// <param name="Field">The offending field, if any.</param>
/// <param name="Messages">What is wrong with it.</param>
public sealed record KonnectErrorDetail(string? Type, string? Field, IReadOnlyList<string> Messages)
{
    /// <summary>A short form for messages, e.g. <c>name: already exists</c>.</summary>
    public string Describe()
    {
        var text = string.Join("; ", Messages);
        return Field is null ? text : $"{Field}: {text}";
    }
}
