using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Tests.Unit.Controllers;

/// <summary>
/// The API server as a dictionary: objects stored as JSON (so every read is a private copy), resourceVersions that
/// guard updates (409 on a stale one), status written only through /status, JSON merge patches, and a log of every
/// write. Watches are not served: the controllers under test read through <see cref="Cache{TEntity}"/>.
/// </summary>
internal sealed class InMemoryKubernetes : IKubernetesClient
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Type Type, string? Namespace, string Name), JsonObject> _objects = [];
    private long _resourceVersion;

    /// <summary>Runs once before the next GET is answered (a concurrent writer, for races).</summary>
    public Action? BeforeNextGet { get; set; }

    /// <summary>Every write, as "Verb Kind namespace/name" (e.g. "UpdateStatus Scope team-a/my-scope").</summary>
    public List<string> Writes { get; } = [];

    /// <summary>Stores an object as it would be after kubectl apply (no write recorded); returns the stored copy.</summary>
    public TEntity Put<TEntity>(TEntity entity)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            var node = ToNode(entity);
            node["metadata"]!["resourceVersion"] = NextVersion();
            _objects[KeyOf(entity)] = node;
            return FromNode<TEntity>(node);
        }
    }

    /// <summary>The stored object now, or null.</summary>
    public TEntity? Find<TEntity>(string? @namespace, string name)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            return _objects.TryGetValue((typeof(TEntity), @namespace, name), out var node) ? FromNode<TEntity>(node) : null;
        }
    }

    public IReadOnlyList<TEntity> All<TEntity>()
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            return [.. _objects.Where(o => o.Key.Type == typeof(TEntity)).Select(o => FromNode<TEntity>(o.Value))];
        }
    }

    /// <summary>Writes of one verb and kind, e.g. ("Create", "Secret").</summary>
    public int CountWrites(string verb, string kind) => Writes.Count(w => w.StartsWith($"{verb} {kind} ", StringComparison.Ordinal));

    public StoreCache<TEntity> Cache<TEntity>(IReadOnlyList<Indexing.EntityIndex<TEntity>>? indexes = null)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => new(this, indexes ?? []);

    public Task<TEntity?> GetAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var before = BeforeNextGet;
        BeforeNextGet = null;
        before?.Invoke();
        return Task.FromResult(Find<TEntity>(@namespace, name));
    }

    public Task<IList<TEntity>> ListAsync<TEntity>(string? @namespace = null, string? labelSelector = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> =>
        Task.FromResult<IList<TEntity>>([.. All<TEntity>().Where(e => @namespace is null || e.Metadata.NamespaceProperty == @namespace)]);

    public Task<EntityList<TEntity>> ListWithResourceVersionAsync<TEntity>(string? @namespace = null, string? labelSelector = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException("The controllers never list.");

    public Task<TEntity> CreateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            var key = KeyOf(entity);
            if (_objects.ContainsKey(key))
            {
                throw Status(HttpStatusCode.Conflict, $"{key.Name} already exists");
            }

            var node = ToNode(entity);
            node["metadata"]!["uid"] ??= Guid.NewGuid().ToString();
            node["metadata"]!["resourceVersion"] = NextVersion();
            _objects[key] = node;
            Record("Create", entity);
            return Task.FromResult(FromNode<TEntity>(node));
        }
    }

    public Task<TEntity> UpdateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => Replace(entity, "Update", (stored, given) =>
        {
            given["status"] = stored["status"]?.DeepClone();
            return given;
        });

    public Task<TEntity> UpdateStatusAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => Replace(entity, "UpdateStatus", (stored, given) =>
        {
            var next = (JsonObject)stored.DeepClone();
            next["status"] = given["status"]?.DeepClone();
            return next;
        });

    public Task<TEntity> PatchAsync<TEntity>(V1Patch patch, string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (patch.Type != V1Patch.PatchType.MergePatch)
        {
            throw new NotSupportedException("Only merge patches are used.");
        }

        lock (_gate)
        {
            if (!_objects.TryGetValue((typeof(TEntity), @namespace, name), out var stored))
            {
                throw Status(HttpStatusCode.NotFound, $"{name} not found");
            }

            var changes = JsonNode.Parse((string)patch.Content)!.AsObject();
            if (changes["metadata"]?["resourceVersion"] is { } expected && expected.GetValue<string>() != stored["metadata"]!["resourceVersion"]!.GetValue<string>())
            {
                throw Status(HttpStatusCode.Conflict, $"{name} was modified");
            }

            var next = (JsonObject)stored.DeepClone();
            Merge(next, changes);
            next["metadata"]!["resourceVersion"] = NextVersion();
            _objects[(typeof(TEntity), @namespace, name)] = next;
            Writes.Add($"Patch {typeof(TEntity).Name} {@namespace}/{name}");
            return Task.FromResult(FromNode<TEntity>(next));
        }
    }

    public Task<TEntity> PatchStatusAsync<TEntity>(V1Patch patch, string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException("Status is written with UpdateStatus.");

    public Task DeleteAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            if (_objects.Remove((typeof(TEntity), @namespace, name)))
            {
                Writes.Add($"Delete {typeof(TEntity).Name} {@namespace}/{name}");
            }

            return Task.CompletedTask;
        }
    }

    public IAsyncEnumerable<(WatchEventType Type, TEntity Entity)> WatchAsync<TEntity>(
        string? @namespace = null, string? resourceVersion = null, string? labelSelector = null, bool allowWatchBookmarks = true, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException("The controllers never watch.");

    private Task<TEntity> Replace<TEntity>(TEntity entity, string verb, Func<JsonObject, JsonObject, JsonObject> combine)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            var key = KeyOf(entity);
            if (!_objects.TryGetValue(key, out var stored))
            {
                throw Status(HttpStatusCode.NotFound, $"{key.Name} not found");
            }

            if (entity.Metadata.ResourceVersion != stored["metadata"]!["resourceVersion"]!.GetValue<string>())
            {
                throw Status(HttpStatusCode.Conflict, $"{key.Name} was modified");
            }

            var next = combine(stored, ToNode(entity));
            next["metadata"]!["resourceVersion"] = NextVersion();
            _objects[key] = next;
            Record(verb, entity);
            return Task.FromResult(FromNode<TEntity>(next));
        }
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject child && target[name] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }

    private void Record<TEntity>(string verb, TEntity entity)
        where TEntity : IKubernetesObject<V1ObjectMeta> =>
        Writes.Add($"{verb} {typeof(TEntity).Name} {entity.Metadata.NamespaceProperty}/{entity.Metadata.Name}");

    private string NextVersion() => (++_resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static (Type Type, string? Namespace, string Name) KeyOf<TEntity>(TEntity entity)
        where TEntity : IKubernetesObject<V1ObjectMeta> => (typeof(TEntity), entity.Metadata.NamespaceProperty, entity.Metadata.Name);

    private static JsonObject ToNode<TEntity>(TEntity entity) => JsonNode.Parse(KubernetesJson.Serialize(entity))!.AsObject();

    private static TEntity FromNode<TEntity>(JsonObject node) => KubernetesJson.Deserialize<TEntity>(node.ToJsonString());

    private static HttpOperationException Status(HttpStatusCode code, string message) =>
        new(message) { Response = new HttpResponseMessageWrapper(new HttpResponseMessage(code), message) };
}
