using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Filters, sort and paging of <c>GET /v1/auth-servers</c>.</summary>
public sealed record AuthServerListQuery
{
    public StringFilter? Name { get; init; }

    public StringFilter? Description { get; init; }

    public StringFilter? Audience { get; init; }

    /// <summary>Exact id (<c>filter[id][eq]</c>).</summary>
    public string? Id { get; init; }

    /// <summary>Label filter (<c>filter[labels][eq]</c>), e.g. <c>key:value</c>.</summary>
    public string? Labels { get; init; }

    /// <summary>e.g. <c>name</c> or <c>created_at desc</c>.</summary>
    public string? Sort { get; init; }

    public int? PageSize { get; init; }

    /// <summary>1-based page number.</summary>
    public int? PageNumber { get; init; }
}
