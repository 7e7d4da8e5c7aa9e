namespace KongIdentityOperator.Configuration;

/// <summary>Which namespaces may use the operator's default Konnect token: none (the default), a list, or every one (<c>*</c>).</summary>
internal sealed record NamespaceGrant(bool Everyone, IReadOnlySet<string> Namespaces)
{
    public static NamespaceGrant None { get; } = new(false, new HashSet<string>(StringComparer.Ordinal));

    public bool Includes(string? @namespace) => Everyone || (@namespace is not null && Namespaces.Contains(@namespace));

    public static NamespaceGrant Parse(string text)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Contains("*")
            ? new(true, new HashSet<string>(StringComparer.Ordinal))
            : new(false, new HashSet<string>(names, StringComparer.Ordinal));
    }

    public override string ToString() => Everyone ? "*" : Namespaces.Count == 0 ? "none" : string.Join(",", Namespaces.Order(StringComparer.Ordinal));
}
