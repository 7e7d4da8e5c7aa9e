using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Patching;
using KongIdentityOperator.Sandbox.KubeApi.Registry;
using KongIdentityOperator.Sandbox.KubeApi.Schema;
using KongIdentityOperator.Sandbox.KubeApi.Storage;

namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>POST (and the create half of server-side apply): the real server's create strategy.</summary>
internal sealed class ObjectCreator(ObjectStore store, ResourceRegistry registry, SchemaPipeline schema, TimeProvider time)
{
    private const int GenerateNameAttempts = 8;

    public WriteResult Create(ResourceDefinition definition, string @namespace, JsonObject body, WriteContext context)
    {
        var prepared = Prepare(definition, @namespace, body, context);
        return store.Write(tx => Commit(tx, definition, @namespace, prepared, context));
    }

    /// <summary>Creates inside an open transaction (server-side apply of an absent object).</summary>
    public WriteResult CreateLocked(StoreTransaction tx, ResourceDefinition definition, string @namespace, JsonObject body, WriteContext context, bool applied = false) =>
        Commit(tx, definition, @namespace, Prepare(definition, @namespace, body, context, applied), context);

    private JsonObject Prepare(ResourceDefinition definition, string @namespace, JsonObject body, WriteContext context, bool applied = false)
    {
        var configuration = applied ? body.Clone() : null;
        ObjectRules.ApplyTypeMeta(definition, body);
        body = definition.ToStorage(body);
        var metadata = body.Metadata();
        ObjectRules.ApplyNamespace(definition, @namespace, metadata);
        if (!string.IsNullOrEmpty(metadata.StringAt("resourceVersion")))
        {
            throw new StatusException(500, StatusReasons.InternalError, "resourceVersion should not be set on objects to be created");
        }

        var name = metadata.StringAt("name");
        var generateName = metadata.StringAt("generateName");
        if (string.IsNullOrEmpty(name))
        {
            if (string.IsNullOrEmpty(generateName))
            {
                throw ApiErrors.Invalid(definition, string.Empty, new FieldError(FieldError.Required, "metadata.name", "Required value: name or generateName is required"));
            }

            name = NameRules.Generate(generateName);
            metadata["name"] = name;
        }

        var now = time.GetUtcNow();
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Timestamps.Format(now);
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        metadata.Remove("generation");
        if (definition.TracksGeneration)
        {
            metadata["generation"] = 1;
        }

        if (definition.HasStatusSubresource)
        {
            body.Remove("status");
        }

        if (NamespaceRules.Applies(definition))
        {
            NamespaceRules.PrepareCreate(body);
        }

        BuiltInDefaults.Apply(definition, body);
        BuiltInValidation.NormalizeTimestamps(definition, body);

        var errors = NameRules.Validate(name, definition.NameRule)
            .Concat(ObjectRules.ValidateMetadata(metadata))
            .Concat(BuiltInValidation.ValidateCreate(definition, body))
            .ToList();
        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(definition, name, errors);
        }

        if (CrdRules.Applies(definition))
        {
            CrdRules.Prepare(body, old: null, now);
        }

        schema.Process(definition, name, body, old: null, context);
        if (context.FieldManager is { Length: > 0 } manager)
        {
            if (configuration is not null)
            {
                FieldManager.RecordApplyCreate(definition, body, configuration, manager, now);
            }
            else
            {
                FieldManager.RecordUpdate(definition, old: null, body, manager, statusOnly: false, now);
            }
        }

        return body;
    }

    private WriteResult Commit(StoreTransaction tx, ResourceDefinition definition, string @namespace, JsonObject body, WriteContext context)
    {
        var metadata = body.Metadata();
        var ns = definition.Namespaced ? @namespace : string.Empty;
        if (definition.Namespaced)
        {
            RequireLiveNamespace(tx, definition, ns, metadata.StringAt("name")!);
        }

        var key = new ObjectKey(definition.Key, ns, metadata.StringAt("name")!);
        for (var attempt = 0; tx.Get(key) is not null; attempt++)
        {
            if (metadata.StringAt("generateName") is not { Length: > 0 } prefix || attempt >= GenerateNameAttempts)
            {
                throw ApiErrors.AlreadyExists(definition, key.Name);
            }

            key = key with { Name = NameRules.Generate(prefix) };
            metadata["name"] = key.Name;
        }

        if (context.DryRun)
        {
            return new WriteResult(body, 201);
        }

        tx.Put(key, body);
        if (CrdRules.Applies(definition))
        {
            registry.Register(body);
        }

        return new WriteResult(body, 201);
    }

    private static void RequireLiveNamespace(StoreTransaction tx, ResourceDefinition definition, string ns, string name)
    {
        var nsObject = tx.Get(new ObjectKey(BuiltInResources.Namespaces.Key, string.Empty, ns)) ?? throw ApiErrors.NamespaceNotFound(ns);
        if (nsObject.IsTerminating)
        {
            throw ApiErrors.Forbidden(definition, name, $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }
}
