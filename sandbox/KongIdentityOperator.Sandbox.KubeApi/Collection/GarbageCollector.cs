using System.Text.Json.Nodes;
using System.Threading.Channels;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Operations;
using KongIdentityOperator.Sandbox.KubeApi.Registry;
using KongIdentityOperator.Sandbox.KubeApi.Storage;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Sandbox.KubeApi.Collection;

/// <summary>
/// What kube-controller-manager would do, run in the background right after deletes and periodically:
/// delete dependents whose owners are gone, honour the <c>orphan</c> and <c>foregroundDeletion</c> finalizers,
/// and empty terminating namespaces before removing them.
/// </summary>
internal sealed class GarbageCollector(
    ObjectStore store,
    ResourceRegistry registry,
    ObjectDeleter deleter,
    ObjectUpdater updater,
    TimeProvider time,
    TimeSpan interval,
    ILogger logger)
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a pass soon; never blocks (called under the store lock).</summary>
    public void Signal() => _signal.Writer.TryWrite(true);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var wait = new CancellationTokenSource(interval, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(wait.Token, cancellationToken);
                await _signal.Reader.ReadAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The period elapsed without a signal: run anyway, like the collector's resync.
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                while (RunOnce())
                {
                    // Deleting one generation of dependents can orphan the next: repeat until nothing changes.
                }
            }
            catch (Exception e) when (e is StatusException or InvalidOperationException)
            {
                logger.LogWarning(e, "Garbage collection pass failed; retrying on the next pass");
            }
        }
    }

    /// <summary>One pass; true when it changed something.</summary>
    public bool RunOnce()
    {
        var changed = false;
        foreach (var obj in store.All())
        {
            changed |= CollectIfOrphaned(obj);
            if (obj.IsTerminating)
            {
                changed |= Finalize(obj);
            }
        }

        return changed;
    }

    /// <summary>
    /// Deletes a dependent whose owners are all gone, or drops its dangling references when another owner lives.
    /// Decided and done under the store lock, against the current state rather than the pass's snapshot.
    /// </summary>
    private bool CollectIfOrphaned(StoredObject snapshot)
    {
        if (snapshot.OwnerReferences.Count == 0 || snapshot.IsTerminating || registry.FindAnyVersion(snapshot.Key.Resource) is not { } definition)
        {
            return false;
        }

        return store.Write(tx =>
        {
            var current = tx.Get(snapshot.Key);
            if (current is null || current.Uid != snapshot.Uid || current.IsTerminating || current.OwnerReferences.Count == 0)
            {
                return false;
            }

            var dangling = current.OwnerReferences.Where(o => !OwnerExists(tx, current, o)).Select(o => o.Uid).ToHashSet(StringComparer.Ordinal);
            if (dangling.Count == 0)
            {
                return false;
            }

            if (dangling.Count == current.OwnerReferences.Count)
            {
                deleter.DeleteLocked(tx, definition, current.Key, DeleteRequest.Default);
                return true;
            }

            var old = current.ToJsonObject();
            var next = current.ToJsonObject();
            var metadata = next.Metadata();
            var kept = (metadata.ArrayAt("ownerReferences") ?? []).Where(r => !dangling.Contains(r.StringAt("uid") ?? string.Empty)).Select(r => r?.DeepClone());
            metadata["ownerReferences"] = new JsonArray([.. kept]);
            updater.Commit(tx, definition, current.Key, current, old, next, statusOnly: false, WriteContext.Internal);
            return true;
        });
    }

    private bool Finalize(StoredObject obj)
    {
        var changed = false;
        if (obj.Finalizers.Contains(ObjectDeleter.OrphanFinalizer))
        {
            foreach (var dependent in Dependents(obj))
            {
                changed |= Edit(dependent, metadata =>
                {
                    var kept = (metadata.ArrayAt("ownerReferences") ?? []).Where(r => r.StringAt("uid") != obj.Uid).Select(r => r?.DeepClone());
                    metadata["ownerReferences"] = new JsonArray([.. kept]);
                });
            }

            changed |= RemoveFinalizer(obj, ObjectDeleter.OrphanFinalizer);
        }
        else if (obj.Finalizers.Contains(ObjectDeleter.ForegroundFinalizer))
        {
            var dependents = Dependents(obj);
            foreach (var dependent in dependents.Where(d => !d.IsTerminating))
            {
                changed |= Delete(dependent);
            }

            if (dependents.Count == 0)
            {
                changed |= RemoveFinalizer(obj, ObjectDeleter.ForegroundFinalizer);
            }
        }

        if (obj.Key.Resource == BuiltInResources.Namespaces.Key)
        {
            changed |= EmptyNamespace(obj);
        }

        return changed;
    }

    private bool EmptyNamespace(StoredObject ns)
    {
        var contents = store.All().Where(o => o.Key.Namespace == ns.Key.Name).ToList();
        var changed = false;
        foreach (var obj in contents.Where(o => !o.IsTerminating))
        {
            changed |= Delete(obj);
        }

        if (contents.Count > 0)
        {
            return changed;
        }

        return Edit(ns, _ => { }, spec: s => s["finalizers"] = new JsonArray()) | changed;
    }

    private IReadOnlyList<StoredObject> Dependents(StoredObject owner) =>
        [.. store.All().Where(o => o.OwnerReferences.Any(r => r.Uid == owner.Uid))];

    private static bool OwnerExists(StoreTransaction tx, StoredObject dependent, OwnerReference reference)
    {
        var owner = tx.FindByUid(reference.Uid);
        return owner is not null && (owner.Key.Namespace.Length == 0 || owner.Key.Namespace == dependent.Key.Namespace);
    }

    private bool Delete(StoredObject obj)
    {
        if (registry.FindAnyVersion(obj.Key.Resource) is not { } definition)
        {
            return false;
        }

        try
        {
            store.Write(tx => tx.Get(obj.Key)?.Uid == obj.Uid ? deleter.DeleteLocked(tx, definition, obj.Key, DeleteRequest.Default) : null);
            return true;
        }
        catch (StatusException e) when (e.Code == 404)
        {
            return false;
        }
    }

    private bool RemoveFinalizer(StoredObject obj, string finalizer) =>
        Edit(obj, metadata =>
        {
            var kept = metadata["finalizers"].StringList().Where(f => f != finalizer).Select(f => (JsonNode?)f);
            metadata["finalizers"] = new JsonArray([.. kept]);
        });

    /// <summary>Applies a metadata (and optionally spec) edit through the normal update path, so watches see it.</summary>
    private bool Edit(StoredObject obj, Action<JsonObject> metadataEdit, Action<JsonObject>? spec = null)
    {
        if (registry.FindAnyVersion(obj.Key.Resource) is not { } definition)
        {
            return false;
        }

        return store.Write(tx =>
        {
            var current = tx.Get(obj.Key);
            if (current is null || current.Uid != obj.Uid)
            {
                return false;
            }

            var old = current.ToJsonObject();
            var next = current.ToJsonObject();
            metadataEdit(next.Metadata());
            if (spec is not null)
            {
                var specNode = next["spec"] as JsonObject ?? [];
                next["spec"] = specNode;
                spec(specNode);
            }

            if (ObjectRules.SameContent(old, next))
            {
                return false;
            }

            updater.Commit(tx, definition, obj.Key, current, old, next, statusOnly: false, WriteContext.Internal);
            return true;
        });
    }
}
