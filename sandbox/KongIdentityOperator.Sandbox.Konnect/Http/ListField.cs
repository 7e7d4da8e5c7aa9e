namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>A field of a listed entity: how to filter it (operators) and whether it sorts.</summary>
internal sealed record ListField<T>(string Name, Func<T, string?> Value, IReadOnlyList<string> Operators, bool Sortable)
{
    /// <summary>Sort key; defaults to <see cref="Value"/>.</summary>
    public Func<T, IComparable?>? SortKey { get; init; }

    /// <summary>Custom match for label-like fields (value is <c>key:value</c> or <c>key</c>).</summary>
    public Func<T, string, bool>? Matches { get; init; }
}
