using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Patching;
using KongIdentityOperator.Sandbox.KubeApi.Registry;
using KongIdentityOperator.Sandbox.KubeApi.Schema;
using KongIdentityOperator.Sandbox.KubeApi.Storage;

namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>
/// PUT and PATCH on an object or its <c>/status</c>: the resourceVersion compare-and-swap, status-subresource
/// isolation, generation, finalizer rules, and removal once the last finalizer of a terminating object goes.
/// </summary>
internal sealed class ObjectUpdater(
    ObjectStore store,
    ResourceRegistry registry,
    SchemaPipeline schema,
    ObjectCreator creator,
    TimeProvider time)
{
    private const string CustomPatchTypes = "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml";

    public WriteResult Update(ResourceDefinition definition, string @namespace, string name, JsonObject body, bool statusOnly, WriteContext context)
    {
        ObjectRules.ApplyTypeMeta(definition, body);
        body = definition.ToStorage(body);
        var metadata = body.Metadata();
        ObjectRules.CheckName(metadata, name);
        ObjectRules.ApplyNamespace(definition, @namespace, metadata);
        var key = Key(definition, @namespace, name);
        return store.Write(tx =>
        {
            var current = tx.Get(key) ?? throw ApiErrors.NotFound(definition, name);
            var requested = metadata.StringAt("resourceVersion");
            if (string.IsNullOrEmpty(requested))
            {
                // The real server answers 422 here for custom resources; the sandbox follows its issue and says 409.
                if (definition.Key == BuiltInResources.Leases.Key)
                {
                    throw BuiltInValidation.ResourceVersionRequired(definition, name);
                }

                if (!definition.AllowsUnconditionalUpdate)
                {
                    throw ApiErrors.Conflict(definition, name, "metadata.resourceVersion must be specified for an update");
                }
            }
            else if (requested != Rv(current))
            {
                throw ApiErrors.StaleResourceVersion(definition, name);
            }

            var old = current.ToJsonObject();
            var next = statusOnly ? WithStatusOf(old, body) : body;
            return Commit(tx, definition, key, current, old, next, statusOnly, context);
        });
    }

    public WriteResult Patch(ResourceDefinition definition, string @namespace, string name, PatchKind kind, JsonNode patch, bool statusOnly, WriteContext context)
    {
        if (kind == PatchKind.StrategicMerge && !definition.SupportsStrategicMerge)
        {
            throw ApiErrors.UnsupportedMediaType(CustomPatchTypes);
        }

        if (kind == PatchKind.Json ? patch is not JsonArray : patch is not JsonObject)
        {
            throw ApiErrors.BadRequest(kind == PatchKind.Json
                ? "json: cannot unmarshal object into Go value of type jsonpatch.Patch"
                : "the patch must be a JSON object");
        }

        if (kind == PatchKind.Apply)
        {
            ObjectRules.ApplyTypeMeta(definition, (JsonObject)patch);
            ObjectRules.CheckName(((JsonObject)patch).Metadata(), name);
        }

        var key = Key(definition, @namespace, name);
        return store.Write(tx =>
        {
            var current = tx.Get(key);
            if (current is null)
            {
                return kind == PatchKind.Apply && !statusOnly
                    ? creator.CreateLocked(tx, definition, @namespace, ((JsonObject)patch).Clone(), context, applied: true)
                    : throw ApiErrors.NotFound(definition, name);
            }

            var old = current.ToJsonObject();
            var view = definition.FromStorage(old);
            var patched = kind == PatchKind.Apply
                ? ServerSideApply(definition, name, view, (JsonObject)patch, statusOnly, context)
                : ApplyPatch(definition, name, kind, view, patch);
            var requested = patched.Metadata().StringAt("resourceVersion");
            if (!string.IsNullOrEmpty(requested) && requested != Rv(current))
            {
                throw ApiErrors.StaleResourceVersion(definition, name);
            }

            var metadata = patched.Metadata();
            ObjectRules.CheckName(metadata, name);
            if (definition.Namespaced && metadata.StringAt("namespace") is { } ns && ns != @namespace)
            {
                throw ApiErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            if (patched.StringAt("apiVersion") != view.StringAt("apiVersion") || patched.StringAt("kind") != view.StringAt("kind"))
            {
                ObjectRules.ApplyTypeMeta(definition, patched);
            }

            patched = definition.ToStorage(patched);

            var next = statusOnly ? WithStatusOf(old, patched) : patched;
            if (statusOnly && kind == PatchKind.Apply)
            {
                next.Metadata()["managedFields"] = patched.Metadata()["managedFields"]?.DeepClone();
            }

            return Commit(tx, definition, key, current, old, next, statusOnly, context, applied: kind == PatchKind.Apply);
        });
    }

    /// <summary>The final steps shared by PUT, PATCH and the garbage collector's finalizer edits.</summary>
    internal WriteResult Commit(
        StoreTransaction tx,
        ResourceDefinition definition,
        ObjectKey key,
        StoredObject current,
        JsonObject old,
        JsonObject next,
        bool statusOnly,
        WriteContext context,
        bool applied = false)
    {
        ObjectRules.PreserveSystemMetadata(old, next);
        next.Metadata()["resourceVersion"] = Rv(current);
        if (definition.HasStatusSubresource && !statusOnly)
        {
            ObjectRules.CopyStatus(old, next);
        }

        if (current.IsTerminating)
        {
            ObjectRules.CheckNoNewFinalizers(definition, key.Name, old, next);
        }

        if (NamespaceRules.Applies(definition))
        {
            NamespaceRules.PrepareUpdate(next);
        }

        BuiltInDefaults.Apply(definition, next);
        BuiltInValidation.NormalizeTimestamps(definition, next);

        var metadataErrors = ObjectRules.ValidateMetadata(next.Metadata()).Concat(BuiltInValidation.ValidateUpdate(definition, old, next)).ToList();
        if (metadataErrors.Count > 0)
        {
            throw ApiErrors.Invalid(definition, key.Name, metadataErrors);
        }

        if (CrdRules.Applies(definition) && !statusOnly)
        {
            CrdRules.Prepare(next, old, time.GetUtcNow());
        }

        schema.Process(definition, key.Name, next, old, context);
        if (definition.TracksGeneration && ObjectRules.SpecChanged(definition, old, next))
        {
            next.Metadata()["generation"] = (old.Metadata()["generation"].TryGetLong(out var generation) ? generation : 0) + 1;
        }

        if (!applied && context.FieldManager is { Length: > 0 } manager)
        {
            FieldManager.RecordUpdate(definition, old, next, manager, statusOnly, time.GetUtcNow());
        }

        if (ObjectRules.SameContent(old, next))
        {
            return new WriteResult(old, 200);
        }

        if (context.DryRun)
        {
            return new WriteResult(next, 200);
        }

        if (current.IsTerminating && !ObjectDeleter.HasPendingFinalizers(definition, next))
        {
            ObjectDeleter.Remove(tx, registry, store, definition, key, next);
            return new WriteResult(next, 200);
        }

        tx.Put(key, next);
        if (CrdRules.Applies(definition))
        {
            registry.Register(next);
        }

        return new WriteResult(next, 200);
    }

    private static JsonObject ApplyPatch(ResourceDefinition definition, string name, PatchKind kind, JsonObject old, JsonNode patch)
    {
        try
        {
            var result = kind switch
            {
                PatchKind.Merge => JsonMergePatch.Apply(old, patch),
                PatchKind.Json => JsonPatch.Apply(old, (JsonArray)patch),
                PatchKind.StrategicMerge => StrategicMergePatch.Apply(old, (JsonObject)patch),
                _ => throw new PatchException("server-side apply goes through the field manager"),
            };
            return result as JsonObject ?? throw new PatchException("the patch did not produce an object");
        }
        catch (PatchException e)
        {
            throw ApiErrors.Invalid(definition, name, new FieldError(FieldError.Invalid, string.Empty, $"the server rejected our request due to an error in our request: {e.Message}"));
        }
        catch (InvalidOperationException e)
        {
            throw ApiErrors.BadRequest($"the patch could not be applied: {e.Message}");
        }
        catch (JsonException e)
        {
            throw ApiErrors.BadRequest($"the patch could not be applied: {e.Message}");
        }
    }

    private JsonObject ServerSideApply(ResourceDefinition definition, string name, JsonObject live, JsonObject configuration, bool statusOnly, WriteContext context)
    {
        try
        {
            return FieldManager.Apply(definition, live, configuration, context.FieldManager!, context.Force, statusOnly, time.GetUtcNow());
        }
        catch (InvalidOperationException e)
        {
            throw ApiErrors.BadRequest($"the patch could not be applied to {name}: {e.Message}");
        }
    }

    /// <summary>A <c>/status</c> write: everything but <c>.status</c> comes from the stored object.</summary>
    private static JsonObject WithStatusOf(JsonObject old, JsonObject incoming)
    {
        var next = old.Clone();
        ObjectRules.CopyStatus(incoming, next);
        return next;
    }

    private static ObjectKey Key(ResourceDefinition definition, string @namespace, string name) =>
        new(definition.Key, definition.Namespaced ? @namespace : string.Empty, name);

    private static string Rv(StoredObject stored) => stored.ResourceVersion.ToString(CultureInfo.InvariantCulture);
}
