using k8s;
using k8s.Autorest;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Runtime.Tests.Client;

/// <summary>
/// An in-memory stand-in for the status path only: one stored object with a resourceVersion, /status writes checked
/// against it (409 when stale), and a hook to let another writer change the object first.
/// </summary>
internal sealed class FakeStatusClient<TEntity>(TEntity stored) : UnsupportedKubernetesClient
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private TEntity _stored = stored;

    public int Gets { get; private set; }

    public int StatusWrites { get; private set; }

    public Action<TEntity>? ConcurrentWriter { get; set; }

    public override Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : class
    {
        Gets++;
        return Task.FromResult((T?)(object)EntityCopy.Clone(_stored));
    }

    public override Task<T> UpdateStatusAsync<T>(T entity, CancellationToken cancellationToken = default)
    {
        StatusWrites++;
        if (ConcurrentWriter is { } writer)
        {
            ConcurrentWriter = null;
            writer(_stored);
            _stored.Metadata.ResourceVersion = (long.Parse(_stored.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (entity.Metadata.ResourceVersion != _stored.Metadata.ResourceVersion)
        {
            throw new HttpOperationException("conflict")
            {
                Response = new HttpResponseMessageWrapper(
                    new HttpResponseMessage(System.Net.HttpStatusCode.Conflict),
                    """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Conflict","code":409}"""),
            };
        }

        var next = EntityCopy.Clone((TEntity)(object)entity);
        next.Metadata.ResourceVersion = (long.Parse(_stored.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _stored = next;
        return Task.FromResult((T)(object)EntityCopy.Clone(next));
    }
}
