using System.Globalization;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Storage;

/// <summary>
/// Reads and writes made while holding the store's lock, so a read-modify-write is one atomic step (the
/// compare-and-swap on resourceVersion cannot race). Only valid inside <see cref="ObjectStore.Write{T}"/>.
/// </summary>
internal sealed class StoreTransaction
{
    private readonly ObjectStore _store;

    internal StoreTransaction(ObjectStore store) => _store = store;

    public StoredObject? Get(ObjectKey key) => _store.GetUnlocked(key);

    public StoredObject? FindByUid(string uid) => _store.FindByUid(uid);

    public IReadOnlyList<StoredObject> List(ResourceKey resource, string? @namespace) => _store.ListUnlocked(resource, @namespace);

    /// <summary>Stores <paramref name="obj"/> under a new resourceVersion (stamped into it) and notifies watchers.</summary>
    public StoredObject Put(ObjectKey key, JsonObject obj)
    {
        var rv = _store.NextResourceVersion();
        obj.Metadata()["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
        var stored = StoredObject.From(key, rv, obj);
        _store.CommitUnlocked(stored, deleted: false);
        return stored;
    }

    /// <summary>Removes the object; watchers get DELETED with <paramref name="lastState"/> at a new resourceVersion.</summary>
    public StoredObject Delete(ObjectKey key, JsonObject lastState)
    {
        var rv = _store.NextResourceVersion();
        lastState.Metadata()["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
        var stored = StoredObject.From(key, rv, lastState);
        _store.CommitUnlocked(stored, deleted: true);
        return stored;
    }
}
