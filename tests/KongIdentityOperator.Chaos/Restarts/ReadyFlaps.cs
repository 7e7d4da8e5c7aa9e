using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Conditions;

namespace KongIdentityOperator.Chaos.Restarts;

/// <summary>Every time an object of the watched kinds stopped being Ready, from a watch started at a known version.</summary>
internal sealed class ReadyFlaps : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _flaps = new();
    private readonly List<Task> _watches = [];

    public IReadOnlyCollection<string> Flaps => _flaps;

    public static ReadyFlaps Start(IKubernetesClient client, string @namespace, string resourceVersion)
    {
        var flaps = new ReadyFlaps();
        flaps.Watch<AuthServer>(client, @namespace, resourceVersion);
        flaps.Watch<Scope>(client, @namespace, resourceVersion);
        flaps.Watch<Claim>(client, @namespace, resourceVersion);
        flaps.Watch<KongIdentityOperator.Entities.Client>(client, @namespace, resourceVersion);
        flaps.Watch<UpstreamOAuthPolicy>(client, @namespace, resourceVersion);
        return flaps;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_watches);
        _stop.Dispose();
    }

    private void Watch<T>(IKubernetesClient client, string @namespace, string resourceVersion)
        where T : class, IKubernetesObject<V1ObjectMeta>, IConditionedEntity =>
        _watches.Add(Task.Run(async () =>
        {
            try
            {
                await foreach (var (_, entity) in client.WatchAsync<T>(@namespace, resourceVersion, cancellationToken: _stop.Token))
                {
                    if (entity.ConditionedStatus?.Conditions.Get("Ready") is { Status: not "True" } ready)
                    {
                        _flaps.Enqueue($"{typeof(T).Name} {entity.Metadata.Name}: Ready={ready.Status} {ready.Reason}: {ready.Message}");
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }));
}
