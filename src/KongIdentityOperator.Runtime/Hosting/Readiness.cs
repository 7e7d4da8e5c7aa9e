using KongIdentityOperator.Runtime.Watcher;

namespace KongIdentityOperator.Runtime.Hosting;

/// <summary>Ready once every informer has loaded its initial list.</summary>
internal sealed class Readiness(IEnumerable<IResourceInformer> informers)
{
    public IReadOnlyList<string> Unsynced => [.. informers.Where(i => !i.HasSynced).Select(i => i.Kind)];

    public bool IsReady => informers.All(i => i.HasSynced);
}
