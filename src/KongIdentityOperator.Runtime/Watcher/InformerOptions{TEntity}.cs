namespace KongIdentityOperator.Runtime.Watcher;

/// <summary>
/// What every registration asked of the one shared informer of a kind: a label selector (all must agree), whether to
/// keep full objects, and the indexes.
/// </summary>
internal sealed class InformerOptions<TEntity>
{
    private readonly Dictionary<string, Func<TEntity, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private bool _selectorSet;

    public string? LabelSelector { get; private set; }

    public bool KeepObjects { get; private set; }

    public IReadOnlyDictionary<string, Func<TEntity, IEnumerable<string>>> Indexers => _indexers;

    /// <summary>Merges one registration's needs; conflicting label selectors cannot share a watch and are refused.</summary>
    public void Require(string? labelSelector, bool keepObjects)
    {
        labelSelector = string.IsNullOrWhiteSpace(labelSelector) ? null : labelSelector.Trim();
        if (_selectorSet && LabelSelector != labelSelector)
        {
            throw new InvalidOperationException(
                $"{typeof(TEntity).Name} is already watched with label selector '{LabelSelector}'; a second watch with '{labelSelector}' cannot share it.");
        }

        _selectorSet = true;
        LabelSelector = labelSelector;
        KeepObjects |= keepObjects;
    }

    public void AddIndex(string name, Func<TEntity, IEnumerable<string>> indexer)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(indexer);
        if (!_indexers.TryAdd(name, indexer))
        {
            throw new InvalidOperationException($"An index named '{name}' is already registered for {typeof(TEntity).Name}.");
        }

        // An index is only useful over kept objects.
        KeepObjects = true;
    }
}
