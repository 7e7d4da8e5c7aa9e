using System.Runtime.CompilerServices;
using System.Threading.Channels;
using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Tests.Client;

namespace KongIdentityOperator.Runtime.Tests.Watcher;

/// <summary>
/// Lists return a fixed version; each watch request plays the next scripted session (events, then an error or a
/// clean end). Every request is recorded with the resourceVersion it asked for.
/// </summary>
internal sealed class ScriptedWatchClient(string listVersion) : UnsupportedKubernetesClient
{
    private readonly Channel<WatchSession> _sessions = Channel.CreateUnbounded<WatchSession>();
    private readonly Lock _lock = new();
    private readonly List<string> _requests = [];

    /// <summary>"list" or "watch@{resourceVersion}", in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public void Script(params WatchSession[] sessions)
    {
        foreach (var session in sessions)
        {
            _sessions.Writer.TryWrite(session);
        }
    }

    public override Task<EntityList<T>> ListWithResourceVersionAsync<T>(string? @namespace = null, string? labelSelector = null, CancellationToken cancellationToken = default)
    {
        Record("list");
        return Task.FromResult(new EntityList<T>([], listVersion));
    }

    public override async IAsyncEnumerable<(WatchEventType Type, T Entity)> WatchAsync<T>(
        string? @namespace = null,
        string? resourceVersion = null,
        string? labelSelector = null,
        bool allowWatchBookmarks = true,
        TimeSpan? timeout = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Record($"watch@{resourceVersion}");
        var session = await _sessions.Reader.ReadAsync(cancellationToken);
        foreach (var (type, name, version) in session.Events)
        {
            var entity = Activator.CreateInstance<T>();
            entity.Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ns", ResourceVersion = version };
            yield return (type, entity);
        }

        if (session.Error is not null)
        {
            throw session.Error;
        }

        if (session.Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private void Record(string request)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }
    }
}
