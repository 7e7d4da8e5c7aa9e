using System.Globalization;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Operations;
using KongIdentityOperator.Sandbox.KubeApi.Registry;
using KongIdentityOperator.Sandbox.KubeApi.Selectors;
using KongIdentityOperator.Sandbox.KubeApi.Storage;
using KongIdentityOperator.Sandbox.KubeApi.Tables;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>Serves the resource endpoints: get, list, create, update, patch, delete and deletecollection.</summary>
internal sealed class ResourceHandler(
    ObjectStore store,
    ObjectCreator creator,
    ObjectUpdater updater,
    ObjectDeleter deleter,
    WatchHandler watches,
    TableRenderer tables)
{
    public Task HandleAsync(HttpContext context, RequestInfo info, ResourceDefinition definition)
    {
        if (!ScopeMatches(definition, info))
        {
            throw ApiErrors.ResourceNotFound();
        }

        var statusOnly = info.Subresource switch
        {
            "" => false,
            "status" when definition.HasStatusSubresource => true,
            "finalize" when NamespaceRules.Applies(definition) => false,
            _ => throw ApiErrors.ResourceNotFound(),
        };
        if (!definition.Verbs.Contains(info.Verb))
        {
            throw ApiErrors.MethodNotAllowed($"{info.Verb} is not supported on resources of kind \"{definition.GroupResource}\"");
        }

        return info.Verb switch
        {
            "get" => GetAsync(context, info, definition),
            "list" => ListAsync(context, info, definition),
            "watch" => watches.HandleAsync(context, info, definition),
            "create" when info.Name.Length == 0 => CreateAsync(context, info, definition),
            "update" when info.Subresource == "finalize" => FinalizeAsync(context, info, definition),
            "update" => UpdateAsync(context, info, definition, statusOnly),
            "patch" => PatchAsync(context, info, definition, statusOnly),
            "delete" when !statusOnly => DeleteAsync(context, info, definition),
            "deletecollection" => DeleteCollectionAsync(context, info, definition),
            _ => throw ApiErrors.MethodNotAllowed($"the server does not allow this method on the requested resource"),
        };
    }

    private Task GetAsync(HttpContext context, RequestInfo info, ResourceDefinition definition)
    {
        var key = new ObjectKey(definition.Key, info.Namespace, info.Name);
        var stored = store.Get(key) ?? throw ApiErrors.NotFound(definition, info.Name);
        return MediaTypes.Shape(context.Request) switch
        {
            ResponseShape.Table => Responses.WriteAsync(
                context,
                200,
                tables.Render(definition, [ObjectPresenter.Node(stored, definition)], null, true, IncludeObject(context))),
            ResponseShape.PartialObjectMetadata => Responses.WriteAsync(context, 200, ObjectPresenter.PartialMetadata(stored.ToJsonObject())),
            _ => Responses.WriteAsync(context, 200, ObjectPresenter.Bytes(stored, definition)),
        };
    }

    private Task ListAsync(HttpContext context, RequestInfo info, ResourceDefinition definition)
    {
        var query = context.Request.Query;
        var options = ListRequest.Parse(query);
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], definition);
        var filter = new WatchFilter(definition.Key, info.Namespace.Length == 0 ? null : info.Namespace, labels, fields);
        var (all, resourceVersion, start) = Snapshot(definition, filter, options);
        IEnumerable<StoredObject> items = all.Where(filter.Matches);
        if (start is not null)
        {
            items = items.Where(o => string.CompareOrdinal(ListPaging.SortKey(o.Key.Namespace, o.Key.Name), start) >= 0);
        }

        var matched = items.ToList();
        string? next = null;
        long? remaining = null;
        if (options.Limit > 0 && matched.Count > options.Limit)
        {
            // Like etcd, the count of what is left is only known without selectors.
            remaining = labels.IsEmpty && fields.IsEmpty ? matched.Count - options.Limit : null;
            matched = matched[..(int)Math.Min(options.Limit, int.MaxValue)];
            next = ListPaging.Encode(resourceVersion, ListPaging.SortKey(matched[^1].Key.Namespace, matched[^1].Key.Name));
        }

        var rv = resourceVersion.ToString(CultureInfo.InvariantCulture);
        switch (MediaTypes.Shape(context.Request))
        {
            case ResponseShape.Table:
                var table = tables.Render(definition, matched.Select(o => ObjectPresenter.Node(o, definition)), rv, true, IncludeObject(context));
                if (next is not null)
                {
                    table.Metadata()["continue"] = next;
                }

                return Responses.WriteAsync(context, 200, table);
            case ResponseShape.PartialObjectMetadata:
                return Responses.WriteAsync(context, 200, new JsonObject
                {
                    ["kind"] = "PartialObjectMetadataList",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = new JsonObject { ["resourceVersion"] = rv },
                    ["items"] = new JsonArray([.. matched.Select(o => (JsonNode)ObjectPresenter.PartialMetadata(o.ToJsonObject()))]),
                });
            default:
                return Responses.WriteAsync(context, 200, ObjectPresenter.List(definition, matched, resourceVersion, next, remaining));
        }
    }

    /// <summary>
    /// Which state a list reads: a continue token's snapshot (every page from the first page's resourceVersion), an
    /// exact resourceVersion (also what a limited list with a resourceVersion means), or the current state.
    /// </summary>
    private (IReadOnlyList<StoredObject> Items, long ResourceVersion, string? Start) Snapshot(
        ResourceDefinition definition, WatchFilter filter, ListRequest options)
    {
        if (options.Continue.Length > 0)
        {
            var (tokenVersion, start) = ListPaging.Decode(options.Continue);
            if (tokenVersion == -1)
            {
                var (current, currentVersion) = store.List(definition.Key, filter.Namespace);
                return (current, currentVersion, start);
            }

            var snapshot = store.ListAt(definition.Key, filter.Namespace, tokenVersion)
                ?? throw ApiErrors.ContinueExpired(ListPaging.Encode(-1, start.TrimEnd('\0')));
            return (snapshot, tokenVersion, start);
        }

        var requested = QueryOptions.ResourceVersion(options.ResourceVersion);
        var exact = options.Match == ListRequest.Exact || (options.Match.Length == 0 && options.Limit > 0);
        if (requested is { } version)
        {
            var latest = store.CurrentResourceVersion;
            if (version > latest)
            {
                throw ApiErrors.TooLargeResourceVersion(version, latest);
            }

            if (exact)
            {
                var snapshot = store.ListAt(definition.Key, filter.Namespace, version) ?? throw ApiErrors.ListTooOld();
                return (snapshot, version, null);
            }
        }

        var (items, resourceVersion) = store.List(definition.Key, filter.Namespace);
        return (items, resourceVersion, null);
    }

    private async Task CreateAsync(HttpContext context, RequestInfo info, ResourceDefinition definition)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var write = QueryOptions.WriteContext(context.Request, "CreateOptions");
        var result = creator.Create(definition, info.Namespace, body, write);
        await RespondAsync(context, definition, result, write);
    }

    private async Task UpdateAsync(HttpContext context, RequestInfo info, ResourceDefinition definition, bool statusOnly)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var write = QueryOptions.WriteContext(context.Request, "UpdateOptions");
        var result = updater.Update(definition, info.Namespace, info.Name, body, statusOnly, write);
        await RespondAsync(context, definition, result, write);
    }

    /// <summary><c>PUT namespaces/{name}/finalize</c>: only <c>spec.finalizers</c> is taken from the body.</summary>
    private async Task FinalizeAsync(HttpContext context, RequestInfo info, ResourceDefinition definition)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var write = QueryOptions.WriteContext(context.Request, "UpdateOptions");
        var current = store.Get(new ObjectKey(definition.Key, string.Empty, info.Name)) ?? throw ApiErrors.NotFound(definition, info.Name);
        var next = current.ToJsonObject();
        var spec = next["spec"] as JsonObject ?? [];
        next["spec"] = spec;
        spec["finalizers"] = body.At("spec", "finalizers")?.DeepClone() ?? new JsonArray();
        next.Metadata()["resourceVersion"] = body.StringAt("metadata", "resourceVersion") ?? next.StringAt("metadata", "resourceVersion");
        var result = updater.Update(definition, string.Empty, info.Name, next, statusOnly: false, write);
        await RespondAsync(context, definition, result, write);
    }

    private async Task PatchAsync(HttpContext context, RequestInfo info, ResourceDefinition definition, bool statusOnly)
    {
        var contentType = context.Request.ContentType?.Split(';')[0].Trim() ?? string.Empty;
        var kind = contentType switch
        {
            MediaTypes.MergePatch => PatchKind.Merge,
            MediaTypes.JsonPatch => PatchKind.Json,
            MediaTypes.StrategicMergePatch => PatchKind.StrategicMerge,
            MediaTypes.ApplyPatch => PatchKind.Apply,
            _ => throw ApiErrors.UnsupportedMediaType(definition.SupportsStrategicMerge
                ? "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml"
                : "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"),
        };
        var patch = await RequestBody.ReadAsync(context.Request, yaml: kind == PatchKind.Apply, context.RequestAborted)
            ?? throw ApiErrors.BadRequest("the patch body is empty");
        var write = QueryOptions.WriteContext(context.Request, "PatchOptions", kind);
        var result = updater.Patch(definition, info.Namespace, info.Name, kind, patch, statusOnly, write);
        await RespondAsync(context, definition, result, write);
    }

    private async Task DeleteAsync(HttpContext context, RequestInfo info, ResourceDefinition definition)
    {
        var options = await DeleteOptionsReader.ReadAsync(context.Request, context.RequestAborted);
        var result = deleter.Delete(definition, info.Namespace, info.Name, options);
        await RespondAsync(context, definition, result, null);
    }

    private async Task DeleteCollectionAsync(HttpContext context, RequestInfo info, ResourceDefinition definition)
    {
        var options = await DeleteOptionsReader.ReadAsync(context.Request, context.RequestAborted);
        var labels = LabelSelector.Parse(context.Request.Query["labelSelector"]);
        var fields = FieldSelector.Parse(context.Request.Query["fieldSelector"], definition);
        var result = deleter.DeleteCollection(definition, info.Namespace.Length == 0 ? null : info.Namespace, labels, fields, options);
        await RespondAsync(context, definition, result, null);
    }

    private Task RespondAsync(HttpContext context, ResourceDefinition definition, WriteResult result, WriteContext? write)
    {
        if (write is not null)
        {
            Responses.AddWarnings(context, write.Warnings);
        }

        var body = result.Body.StringAt("kind") == definition.Kind ? ObjectPresenter.AtVersion(result.Body, definition) : result.Body;
        return MediaTypes.Shape(context.Request) == ResponseShape.Table && body.StringAt("kind") == definition.Kind
            ? Responses.WriteAsync(context, result.StatusCode, tables.Render(definition, [body], null, true, IncludeObject(context)))
            : Responses.WriteAsync(context, result.StatusCode, body);
    }

    /// <summary>Cluster-scoped kinds have no namespace in the URL; namespaced ones need one, except across namespaces.</summary>
    private static bool ScopeMatches(ResourceDefinition definition, RequestInfo info) =>
        definition.Namespaced
            ? info.Namespace.Length > 0 || info.Verb is "list" or "watch" or "deletecollection"
            : info.Namespace.Length == 0;

    private static bool IncludeObject(HttpContext context) => QueryParameters.String(context.Request.Query, "includeObject") == "Object";
}
