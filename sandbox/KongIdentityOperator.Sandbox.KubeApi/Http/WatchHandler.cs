using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Registry;
using KongIdentityOperator.Sandbox.KubeApi.Selectors;
using KongIdentityOperator.Sandbox.KubeApi.Storage;
using KongIdentityOperator.Sandbox.KubeApi.Tables;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>
/// Streams a watch: HTTP 200, then one JSON event per line, flushed as it happens. A resume point that is too old
/// is reported in-stream as a single ERROR event (410 Expired), as the real watch cache does.
/// </summary>
internal sealed class WatchHandler(ObjectStore store, TableRenderer tables, TimeProvider time)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public async Task HandleAsync(HttpContext context, RequestInfo info, ResourceDefinition definition)
    {
        var query = context.Request.Query;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fieldText = query["fieldSelector"].ToString();
        if (info.Name.Length > 0)
        {
            // The legacy "GET .../name?watch=true" form watches one object.
            fieldText = fieldText.Length == 0 ? $"metadata.name={info.Name}" : $"{fieldText},metadata.name={info.Name}";
        }

        var fields = FieldSelector.Parse(fieldText, definition);
        var filter = new WatchFilter(definition.Key, info.Namespace.Length == 0 ? null : info.Namespace, labels, fields);
        var from = QueryOptions.ResourceVersion(query["resourceVersion"]);
        var bookmarks = QueryParameters.Bool(query, "allowWatchBookmarks");
        var sendInitialEvents = QueryParameters.OptionalBool(query, "sendInitialEvents");
        ListRequest.ValidateWatch(query, sendInitialEvents);
        var initialEvents = sendInitialEvents ?? false;
        var shape = MediaTypes.Shape(context.Request);

        using var timeout = TimeoutSource(QueryParameters.Int64(query, "timeoutSeconds"));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeout.Token);
        var cancellationToken = linked.Token;

        context.Response.StatusCode = 200;
        context.Response.ContentType = shape == ResponseShape.Table ? "application/json;as=Table;v=v1;g=meta.k8s.io" : MediaTypes.Json;
        context.Response.Headers.CacheControl = "no-cache, private";
        Watcher watcher;
        try
        {
            watcher = store.Watch(filter, from, bookmarks, initialEvents);
        }
        catch (StatusException e) when (e.Code == 410)
        {
            await WriteLineAsync(context, Event(ChangeType.Error, e.ToStatus()), CancellationToken.None);
            return;
        }

        try
        {
            await context.Response.StartAsync(cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
            var first = true;
            await foreach (var message in watcher.Messages.ReadAllAsync(cancellationToken))
            {
                var line = Render(definition, message, shape, includeHeaders: first, context);
                first = false;
                await WriteLineAsync(context, line, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or timeoutSeconds elapsed: end the stream cleanly.
        }
        finally
        {
            store.StopWatching(watcher);
        }
    }

    private CancellationTokenSource TimeoutSource(long? timeoutSeconds) =>
        timeoutSeconds is > 0 and var seconds
            ? new CancellationTokenSource(TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue)), time)
            : new CancellationTokenSource();

    private byte[] Render(ResourceDefinition definition, WatchMessage message, ResponseShape shape, bool includeHeaders, HttpContext context)
    {
        if (message.Type == ChangeType.Bookmark)
        {
            var metadata = new JsonObject { ["resourceVersion"] = message.ResourceVersion.ToString(CultureInfo.InvariantCulture) };
            if (message.InitialEventsEnd)
            {
                metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
            }

            return Event(ChangeType.Bookmark, new JsonObject { ["kind"] = definition.Kind, ["apiVersion"] = definition.ApiVersion, ["metadata"] = metadata });
        }

        var stored = message.Object!;
        switch (shape)
        {
            case ResponseShape.Table:
                var includeObject = QueryParameters.String(context.Request.Query, "includeObject") == "Object";
                return Event(message.Type, tables.Render(definition, [ObjectPresenter.Node(stored, definition)], null, includeHeaders, includeObject));
            case ResponseShape.PartialObjectMetadata:
                return Event(message.Type, ObjectPresenter.PartialMetadata(stored.ToJsonObject()));
            default:
                var prefix = Encoding.UTF8.GetBytes($"{{\"type\":\"{message.Type}\",\"object\":");
                var body = ObjectPresenter.Bytes(stored, definition);
                return [.. prefix, .. body, (byte)'}'];
        }
    }

    private static byte[] Event(string type, JsonObject obj) =>
        JsonText.ToUtf8(new JsonObject { ["type"] = type, ["object"] = obj });

    private static async Task WriteLineAsync(HttpContext context, byte[] line, CancellationToken cancellationToken)
    {
        await context.Response.Body.WriteAsync(line, cancellationToken);
        await context.Response.Body.WriteAsync(NewLine, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }
}
