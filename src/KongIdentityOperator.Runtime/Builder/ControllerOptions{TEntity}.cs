using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Runtime.Entities.Attributes;
using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Runtime.Builder;

/// <summary>Per-controller options, given to <see cref="IOperatorBuilder.AddController{TImplementation, TEntity}"/>.</summary>
public sealed class ControllerOptions<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>, new()
{
    private readonly List<ISecondaryWatch<TEntity>> _watches = [];
    private readonly List<(string Name, Func<TEntity, IEnumerable<string>> Indexer)> _indexes = [];

    /// <summary>The controller's name in metrics and logs; defaults to the lower-cased kind.</summary>
    public string? Name { get; set; }

    /// <summary>Concurrent reconciles of this kind (never two of one object); defaults to the operator setting.</summary>
    public int? MaxConcurrentReconciles { get; set; }

    /// <summary>Only objects matching this label selector are watched and reconciled.</summary>
    public string? LabelSelector { get; set; }

    /// <summary>Only objects matching at least one of these label selectors are watched and reconciled (see <see cref="WatchOptions.AnyOfLabelSelectors"/>).</summary>
    public IList<string> AnyOfLabelSelectors { get; } = [];

    /// <summary>Overrides the operator's resync period for this kind.</summary>
    public TimeSpan? ResyncPeriod { get; set; }

    /// <summary>
    /// Whether the runtime adds this controller's finalizers to every live object before reconciling (the default,
    /// like KubeOps' AutoAttachFinalizers). Off: the controller adds them itself, to the objects that need them; the
    /// finalizers still run when such an object is deleted.
    /// </summary>
    public bool AutoAttachFinalizers { get; set; } = true;

    /// <summary>
    /// Annotations whose change triggers a reconcile although <c>generation</c> does not move
    /// (for example a "rotate now" or "reconcile requested at" annotation).
    /// </summary>
    public ISet<string> TriggerAnnotations { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Labels whose change triggers a reconcile although <c>generation</c> does not move (e.g. an opt-in label).</summary>
    public ISet<string> TriggerLabels { get; } = new HashSet<string>(StringComparer.Ordinal);

    internal IReadOnlyList<ISecondaryWatch<TEntity>> Watches => _watches;

    internal IReadOnlyList<(string Name, Func<TEntity, IEnumerable<string>> Indexer)> Indexes => _indexes;

    /// <summary>
    /// Adds a cache index, queried with <see cref="IEntityCache{TEntity}.GetByIndex"/>; for example
    /// <c>AddIndex("authServerRef", e =&gt; [e.Namespace() + "/" + e.Spec.AuthServerRef.Name])</c>.
    /// </summary>
    public ControllerOptions<TEntity> AddIndex(string name, Func<TEntity, IEnumerable<string>> indexer)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(indexer);
        _indexes.Add((name, indexer));
        return this;
    }

    /// <summary>
    /// Watches another kind and reconciles the objects of this kind that <paramref name="mapper"/> returns for each
    /// change (typically through an index of this kind's cache). One watch per kind is shared by all controllers.
    /// </summary>
    public ControllerOptions<TEntity> Watch<TOther>(
        Func<TOther, IEntityCache<TEntity>, IEnumerable<EntityKey>> mapper,
        Action<WatchOptions>? configure = null)
        where TOther : class, IKubernetesObject<V1ObjectMeta>, new()
    {
        ArgumentNullException.ThrowIfNull(mapper);
        var options = new WatchOptions();
        configure?.Invoke(options);
        _watches.Add(new SecondaryWatch<TEntity, TOther>(mapper, options));
        return this;
    }

    /// <summary>Watches objects of another kind owned by this kind (ownerReferences) and reconciles their owner.</summary>
    public ControllerOptions<TEntity> Owns<TOther>(Action<WatchOptions>? configure = null)
        where TOther : class, IKubernetesObject<V1ObjectMeta>, new()
    {
        var owner = EntityApiInfo.For<TEntity>();
        var clusterScoped = typeof(TEntity).GetCustomAttributes(typeof(EntityScopeAttribute), false)
            .OfType<EntityScopeAttribute>().FirstOrDefault()?.Scope == EntityScope.Cluster;
        return Watch<TOther>(
            (other, _) => (other.Metadata.OwnerReferences ?? [])
                .Where(r => r.Kind == owner.Kind && r.ApiVersion == owner.ApiVersion)
                .Select(r => new EntityKey(clusterScoped ? null : other.Metadata.NamespaceProperty, r.Name)),
            configure);
    }
}
