namespace KongIdentityOperator.Runtime.Client;

/// <summary>The items of a list call and the collection's <c>resourceVersion</c>, from which a watch can resume.</summary>
public sealed record EntityList<TEntity>(IReadOnlyList<TEntity> Items, string? ResourceVersion);
