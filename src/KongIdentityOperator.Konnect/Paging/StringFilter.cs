namespace KongIdentityOperator.Konnect.Paging;

/// <summary>A string filter of a Konnect list, sent as <c>filter[field][op]=value</c>.</summary>
/// <param name="Operator">The operator: <c>eq</c>, <c>contains</c> or (control planes only) <c>neq</c>.</param>
/// <param name="Value">The value to compare with.</param>
public sealed record StringFilter(string Operator, string Value)
{
    /// <summary>Exact match.</summary>
    public static StringFilter EqualTo(string value) => new("eq", value);

    /// <summary>Substring match.</summary>
    public static StringFilter Containing(string value) => new("contains", value);

    /// <summary>Not equal (control planes only).</summary>
    public static StringFilter NotEqualTo(string value) => new("neq", value);
}
