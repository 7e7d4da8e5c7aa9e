using System.Globalization;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Registry;
using KongIdentityOperator.Sandbox.KubeApi.Selectors;
using KongIdentityOperator.Sandbox.KubeApi.Storage;

namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>
/// DELETE: preconditions, propagation policy finalizers, graceful deletion (deletionTimestamp while finalizers
/// remain) and immediate removal otherwise. Removing a CRD removes its objects and stops serving the kind.
/// </summary>
internal sealed class ObjectDeleter(ObjectStore store, ResourceRegistry registry, TimeProvider time)
{
    public const string OrphanFinalizer = "orphan";
    public const string ForegroundFinalizer = "foregroundDeletion";

    public WriteResult Delete(ResourceDefinition definition, string @namespace, string name, DeleteRequest request)
    {
        var key = new ObjectKey(definition.Key, definition.Namespaced ? @namespace : string.Empty, name);
        return store.Write(tx => DeleteLocked(tx, definition, key, request));
    }

    public WriteResult DeleteCollection(ResourceDefinition definition, string? @namespace, LabelSelector labels, FieldSelector fields, DeleteRequest request)
    {
        var filter = new WatchFilter(definition.Key, definition.Namespaced ? @namespace : null, labels, fields);
        return store.Write(tx =>
        {
            var items = new JsonArray();
            foreach (var obj in tx.List(definition.Key, filter.Namespace).Where(filter.Matches))
            {
                var deleted = DeleteLocked(tx, definition, obj.Key, request with { PreconditionUid = null, PreconditionResourceVersion = null }).Body;
                items.Add(deleted.StringAt("kind") == definition.Kind ? definition.FromStorage(deleted) : deleted);
            }

            return new WriteResult(
                new JsonObject
                {
                    ["apiVersion"] = definition.ApiVersion,
                    ["kind"] = definition.ListKind,
                    ["metadata"] = new JsonObject { ["resourceVersion"] = store.CurrentResourceVersionUnlocked().ToString(CultureInfo.InvariantCulture) },
                    ["items"] = items,
                },
                200);
        });
    }

    /// <summary>Whether something still holds a terminating object (finalizers; for namespaces also spec.finalizers).</summary>
    public static bool HasPendingFinalizers(ResourceDefinition definition, JsonObject obj) =>
        obj.Metadata()["finalizers"].StringList().Count > 0 ||
        (NamespaceRules.Applies(definition) && NamespaceRules.HasSpecFinalizers(obj));

    /// <summary>Removes an object for good; a CRD takes its custom objects and its endpoints with it.</summary>
    public static void Remove(StoreTransaction tx, ResourceRegistry registry, ObjectStore store, ResourceDefinition definition, ObjectKey key, JsonObject lastState)
    {
        tx.Delete(key, lastState);
        if (!CrdRules.Applies(definition))
        {
            return;
        }

        var served = CrdDefinitions.From(lastState);
        registry.Unregister(key.Name);
        foreach (var resource in served.Select(d => d.Key).Distinct())
        {
            foreach (var obj in tx.List(resource, null))
            {
                tx.Delete(obj.Key, obj.ToJsonObject());
            }

            store.DropWatchesUnlocked(resource);
        }
    }

    internal WriteResult DeleteLocked(StoreTransaction tx, ResourceDefinition definition, ObjectKey key, DeleteRequest request)
    {
        var current = tx.Get(key) ?? throw ApiErrors.NotFound(definition, key.Name);
        CheckPreconditions(definition, current, request);
        var obj = current.ToJsonObject();
        if (current.IsTerminating)
        {
            return new WriteResult(obj, 200);
        }

        var metadata = obj.Metadata();
        var finalizers = metadata["finalizers"].StringList().ToList();
        var extra = request.PropagationPolicy switch
        {
            null or "Background" => null,
            "Orphan" => OrphanFinalizer,
            "Foreground" => ForegroundFinalizer,
            var other => throw ApiErrors.Invalid(definition, key.Name, new FieldError(FieldError.NotSupported, "propagationPolicy", $"Unsupported value: \"{other}\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"")),
        };
        if (extra is not null && !finalizers.Contains(extra))
        {
            finalizers.Add(extra);
            metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode?)f)]);
        }

        if (HasPendingFinalizers(definition, obj))
        {
            metadata["deletionTimestamp"] = Timestamps.Format(time.GetUtcNow());
            metadata["deletionGracePeriodSeconds"] = 0;
            if (definition.TracksGeneration && metadata["generation"].TryGetLong(out var generation) && generation > 0)
            {
                metadata["generation"] = generation + 1;
            }

            if (NamespaceRules.Applies(definition))
            {
                NamespaceRules.MarkTerminating(obj);
            }

            if (!request.DryRun)
            {
                tx.Put(key, obj);
            }

            return new WriteResult(obj, 200);
        }

        if (!request.DryRun)
        {
            Remove(tx, registry, store, definition, key, obj);
        }

        return definition.ReturnsDeletedObject
            ? new WriteResult(obj, 200)
            : new WriteResult(StatusBodies.Success(new StatusDetails(key.Name, definition.Group, definition.Plural, current.Uid)), 200);
    }

    private static void CheckPreconditions(ResourceDefinition definition, StoredObject current, DeleteRequest request)
    {
        if (request.PreconditionUid is { Length: > 0 } uid && uid != current.Uid)
        {
            throw ApiErrors.Conflict(definition, current.Key.Name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
        }

        var rv = current.ResourceVersion.ToString(CultureInfo.InvariantCulture);
        if (request.PreconditionResourceVersion is { Length: > 0 } wanted && wanted != rv)
        {
            throw ApiErrors.Conflict(definition, current.Key.Name, $"Precondition failed: ResourceVersion in precondition: {wanted}, ResourceVersion in object meta: {rv}");
        }
    }
}
