namespace KongIdentityOperator.Konnect.Paging;

/// <summary>One page of a Konnect-native list (<c>page[size]</c>/<c>page[number]</c> paging).</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record Page<T>(IReadOnlyList<T> Data, PageMeta Meta);
