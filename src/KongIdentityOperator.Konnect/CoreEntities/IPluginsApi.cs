using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.CoreEntities;

/// <summary>Plugins of a control plane: <c>/v2/control-planes/{cp}/core-entities[/services|/routes/{idOrName}]/plugins</c>.</summary>
public interface IPluginsApi
{
    /// <summary>Lists one page (cursor paging).</summary>
    Task<CursorPage<Plugin>> ListAsync(string controlPlaneId, PluginScope scope, CoreEntityListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Walks every page by following the <c>offset</c> cursor.</summary>
    IAsyncEnumerable<Plugin> ListAllAsync(string controlPlaneId, PluginScope scope, CoreEntityListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one plugin, or <see langword="null"/> on 404.</summary>
    Task<Plugin?> GetAsync(string controlPlaneId, PluginScope scope, string pluginId, CancellationToken cancellationToken = default);

    /// <summary>Creates a plugin with a Konnect-generated id (201). Never retried.</summary>
    Task<Plugin> CreateAsync(string controlPlaneId, PluginScope scope, PluginUpsert body, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the plugin with this id (use a deterministic UUID for idempotency).</summary>
    Task<Plugin> UpsertAsync(string controlPlaneId, PluginScope scope, string pluginId, PluginUpsert body, CancellationToken cancellationToken = default);

    /// <summary>Deletes a plugin. Konnect answers 204 even when it did not exist, so this returns <see langword="true"/> then too.</summary>
    Task<bool> DeleteAsync(string controlPlaneId, PluginScope scope, string pluginId, CancellationToken cancellationToken = default);
}
