namespace KongIdentityOperator.Konnect.Paging;

/// <summary>One page of a core-entities list (<c>size</c>/<c>offset</c> cursor paging).</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Data">The items.</param>
/// <param name="Next">URI of the next page, if any.</param>
/// <param name="Offset">Opaque cursor to pass as <c>offset</c> for the next page; <see langword="null"/> on the last page.</param>
public sealed record CursorPage<T>(IReadOnlyList<T> Data, string? Next, string? Offset);
