using k8s;

namespace KongIdentityOperator.Runtime.Cache;

/// <summary>
/// One change applied to a cache: <paramref name="Old"/> is the previously cached state (null when first seen), and
/// <paramref name="Current"/> the new state (for <see cref="WatchEventType.Deleted"/>, the last known state).
/// </summary>
internal sealed record EntityChange<TEntity>(WatchEventType Type, TEntity? Old, TEntity Current)
    where TEntity : class;
