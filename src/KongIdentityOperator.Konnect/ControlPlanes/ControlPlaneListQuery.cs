using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.ControlPlanes;

/// <summary>Filters and paging of <c>GET /v2/control-planes</c>.</summary>
public sealed record ControlPlaneListQuery
{
    /// <summary><c>filter[name][eq|contains|neq]</c>.</summary>
    public StringFilter? Name { get; init; }

    /// <summary><c>filter[id][eq]</c>.</summary>
    public string? Id { get; init; }

    /// <summary><c>filter[cluster_type][eq]</c>.</summary>
    public string? ClusterType { get; init; }

    /// <summary>The separate <c>labels</c> query, e.g. <c>env:prod</c>.</summary>
    public string? Labels { get; init; }

    public string? Sort { get; init; }

    public int? PageSize { get; init; }

    public int? PageNumber { get; init; }
}
