using k8s;
using k8s.Models;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Indexing;
using KongIdentityOperator.Mapping;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Ownership;

/// <summary>
/// Decides whether the Kubernetes object a Konnect object's marks name still exists. The informer cache answers for
/// watched namespaces (an object with that uid is there, or it is gone); for a namespace outside
/// <c>--namespaces</c> the object is read by name. Whenever the answer is uncertain (a name too long to have been
/// kept whole, a failed read) the owner is assumed to exist: the check fails closed.
/// </summary>
internal sealed class OwnerCheck<TEntity>(IEntityCache<TEntity> cache, IKubernetesClient kubernetes, OperatorOptions options)
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    public async Task<OwnerVerdict> CheckAsync(MarkedOwner? marks, TEntity entity, CancellationToken cancellationToken)
    {
        if (marks is null)
        {
            return new(OwnerState.Unmarked, null);
        }

        if (marks.Uid == entity.Metadata.Uid)
        {
            return new(OwnerState.Ours, marks);
        }

        if (cache.GetKeysByIndex(Indexes.Uid, marks.Uid).Count > 0)
        {
            return new(OwnerState.OwnedByAnother, marks);
        }

        var watched = options.Namespaces.Count == 0 || (marks.Namespace is not null && options.Namespaces.Contains(marks.Namespace));
        if (watched)
        {
            return new(OwnerState.OwnerGone, marks);
        }

        if (marks.Namespace is null || marks.Name is null || !marks.NameIsExact)
        {
            return new(OwnerState.OwnedByAnother, marks);
        }

        try
        {
            var owner = await kubernetes.GetAsync<TEntity>(marks.Name, marks.Namespace, cancellationToken);
            return new(owner?.Metadata.Uid == marks.Uid ? OwnerState.OwnedByAnother : OwnerState.OwnerGone, marks);
        }
        catch (k8s.Autorest.HttpOperationException)
        {
            return new(OwnerState.OwnedByAnother, marks);
        }
    }
}
