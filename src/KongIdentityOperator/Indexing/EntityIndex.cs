namespace KongIdentityOperator.Indexing;

/// <summary>One cache index of a kind: its name and the keys an object is filed under.</summary>
internal sealed record EntityIndex<TEntity>(string Name, Func<TEntity, IEnumerable<string>> Keys);
