using KongIdentityOperator.Konnect.Http;
using KongIdentityOperator.Konnect.Json;
using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.CoreEntities;

internal sealed class PluginsApi(KonnectTransport transport) : IPluginsApi
{
    public Task<CursorPage<Plugin>> ListAsync(
        string controlPlaneId, PluginScope scope, CoreEntityListQuery? query = null, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            HttpMethod.Get, CoreEntityRoutes.Plugins(controlPlaneId, scope), CoreEntityQuery.From(query ?? new()), null, KonnectJsonContext.Default.CursorPagePlugin, cancellationToken);

    public IAsyncEnumerable<Plugin> ListAllAsync(
        string controlPlaneId, PluginScope scope, CoreEntityListQuery? query = null, CancellationToken cancellationToken = default)
    {
        var first = query ?? new();
        return ListWalker.WalkCursorAsync(
            (offset, ct) => ListAsync(controlPlaneId, scope, first with { Offset = offset ?? first.Offset }, ct), cancellationToken);
    }

    public Task<Plugin?> GetAsync(string controlPlaneId, PluginScope scope, string pluginId, CancellationToken cancellationToken = default) =>
        transport.GetOrNullAsync(CoreEntityRoutes.Plugin(controlPlaneId, scope, pluginId), KonnectJsonContext.Default.Plugin, cancellationToken);

    public Task<Plugin> CreateAsync(string controlPlaneId, PluginScope scope, PluginUpsert body, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            HttpMethod.Post,
            CoreEntityRoutes.Plugins(controlPlaneId, scope),
            null,
            RequestBody.Json(body, KonnectJsonContext.Default.PluginUpsert),
            KonnectJsonContext.Default.Plugin,
            cancellationToken);

    public Task<Plugin> UpsertAsync(
        string controlPlaneId, PluginScope scope, string pluginId, PluginUpsert body, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            HttpMethod.Put,
            CoreEntityRoutes.Plugin(controlPlaneId, scope, pluginId),
            null,
            RequestBody.Json(body, KonnectJsonContext.Default.PluginUpsert),
            KonnectJsonContext.Default.Plugin,
            cancellationToken);

    public Task<bool> DeleteAsync(string controlPlaneId, PluginScope scope, string pluginId, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync(CoreEntityRoutes.Plugin(controlPlaneId, scope, pluginId), null, cancellationToken);
}
