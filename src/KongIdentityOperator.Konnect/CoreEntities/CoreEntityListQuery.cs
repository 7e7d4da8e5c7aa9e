using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.CoreEntities;

/// <summary>Filters and cursor paging of a core-entities list.</summary>
public sealed record CoreEntityListQuery
{
    /// <summary>Tags to filter on (<c>tags=</c>), combined as <see cref="TagMatch"/> says.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    public TagMatch TagMatch { get; init; } = TagMatch.All;

    /// <summary><c>filter[name][eq|contains]</c>.</summary>
    public StringFilter? Name { get; init; }

    /// <summary>Page size, 1 … 1000 (Konnect's default is 100).</summary>
    public int? Size { get; init; }

    /// <summary>The cursor from the previous page's <see cref="CursorPage{T}.Offset"/>.</summary>
    public string? Offset { get; init; }
}
