using KongIdentityOperator.Konnect.Http;
using KongIdentityOperator.Konnect.Json;
using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.ControlPlanes;

internal sealed class ControlPlanesApi(KonnectTransport transport) : IControlPlanesApi
{
    private static readonly KonnectRoute Collection = KonnectRoute.Of("/v2/control-planes");

    public Task<Page<ControlPlane>> ListAsync(ControlPlaneListQuery? query = null, CancellationToken cancellationToken = default) =>
        transport.SendAsync(HttpMethod.Get, Collection, ToQuery(query ?? new()), null, KonnectJsonContext.Default.PageControlPlane, cancellationToken);

    public IAsyncEnumerable<ControlPlane> ListAllAsync(ControlPlaneListQuery? query = null, CancellationToken cancellationToken = default)
    {
        var first = query ?? new();
        var size = first.PageSize ?? PageRequest.DefaultListAllPageSize;
        return ListWalker.WalkPagesAsync((number, ct) => ListAsync(first with { PageSize = size, PageNumber = number }, ct), cancellationToken);
    }

    public Task<ControlPlane?> GetAsync(string controlPlaneId, CancellationToken cancellationToken = default) =>
        transport.GetOrNullAsync(KonnectRoute.Of("/v2/control-planes/{controlPlaneId}", controlPlaneId), KonnectJsonContext.Default.ControlPlane, cancellationToken);

    public async Task<ControlPlane?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var page = await ListAsync(new ControlPlaneListQuery { Name = StringFilter.EqualTo(name), PageSize = 2 }, cancellationToken).ConfigureAwait(false);

        // Match exactly here too, in case a server reads the filter loosely.
        return page.Data.FirstOrDefault(plane => string.Equals(plane.Name, name, StringComparison.Ordinal));
    }

    private static QueryBuilder ToQuery(ControlPlaneListQuery query) =>
        new QueryBuilder()
            .Filter("name", query.Name)
            .FilterEquals("id", query.Id)
            .FilterEquals("cluster_type", query.ClusterType)
            .Add("labels", query.Labels)
            .Add("sort", query.Sort)
            .Page(query.PageSize, query.PageNumber);
}
