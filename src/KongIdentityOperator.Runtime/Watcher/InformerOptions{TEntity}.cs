namespace KongIdentityOperator.Runtime.Watcher;

/// <summary>
/// What every registration asked of the one shared informer of a kind: label selectors (all must agree; an object
/// matching any of them is watched), whether to keep full objects, and the indexes.
/// </summary>
internal sealed class InformerOptions<TEntity>
{
    private readonly Dictionary<string, Func<TEntity, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private bool _selectorSet;

    /// <summary>One list+watch per entry; a single null entry watches every object.</summary>
    public IReadOnlyList<string?> LabelSelectors { get; private set; } = [null];

    public bool KeepObjects { get; private set; }

    public IReadOnlyDictionary<string, Func<TEntity, IEnumerable<string>>> Indexers => _indexers;

    /// <summary>The selectors of one registration, normalized: a single selector, or any of several (never both).</summary>
    public static IReadOnlyList<string?> Selectors(string? labelSelector, IEnumerable<string> anyOf)
    {
        var any = anyOf.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var single = string.IsNullOrWhiteSpace(labelSelector) ? null : labelSelector.Trim();
        if (single is not null && any.Count > 0)
        {
            throw new InvalidOperationException($"{typeof(TEntity).Name}: set either a label selector or selectors to match any of, not both.");
        }

        return any.Count > 0 ? [.. any] : [single];
    }

    /// <summary>Merges one registration's needs; different label selectors cannot share a watch and are refused.</summary>
    public void Require(IReadOnlyList<string?> labelSelectors, bool keepObjects)
    {
        ArgumentNullException.ThrowIfNull(labelSelectors);
        if (_selectorSet && !LabelSelectors.SequenceEqual(labelSelectors, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"{typeof(TEntity).Name} is already watched with label selectors '{Describe(LabelSelectors)}'; a second watch with '{Describe(labelSelectors)}' cannot share it.");
        }

        _selectorSet = true;
        LabelSelectors = labelSelectors;
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

    private static string Describe(IReadOnlyList<string?> selectors) => string.Join(" | ", selectors.Select(s => s ?? "(everything)"));
}
