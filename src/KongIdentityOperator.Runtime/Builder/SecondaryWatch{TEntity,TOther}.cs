using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Queue;
using KongIdentityOperator.Runtime.Watcher;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Runtime.Builder;

/// <summary>
/// Maps changes of <typeparamref name="TOther"/> to keys of <typeparamref name="TEntity"/>. Both the previous and the
/// new state are mapped, so that an object that stops referring to a dependent still enqueues it.
/// </summary>
internal sealed class SecondaryWatch<TEntity, TOther>(
    Func<TOther, IEntityCache<TEntity>, IEnumerable<EntityKey>> mapper,
    WatchOptions options) : ISecondaryWatch<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
    where TOther : class, IKubernetesObject<V1ObjectMeta>, new()
{
    public void Register(OperatorBuilder builder) =>
        builder.RequireInformer<TOther>(InformerOptions<TOther>.Selectors(options.LabelSelector, options.AnyOfLabelSelectors), options.KeepCache);

    public void Connect(IServiceProvider services, IEntityCache<TEntity> cache, Action<EntityKey> enqueue)
    {
        var informer = services.GetRequiredService<ResourceInformer<TOther>>();
        informer.Subscribe(change =>
        {
            var keys = new HashSet<EntityKey>(mapper(change.Current, cache) ?? []);
            if (change.Old is not null)
            {
                keys.UnionWith(mapper(change.Old, cache) ?? []);
            }

            foreach (var key in keys)
            {
                enqueue(key);
            }
        });
    }
}
