using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Filters, sort and paging of <c>GET …/clients</c>.</summary>
public sealed record ClientListQuery
{
    public StringFilter? Name { get; init; }

    public string? Id { get; init; }

    /// <summary>Label filter (<c>filter[labels][eq]</c>), e.g. <c>key:value</c>.</summary>
    public string? Labels { get; init; }

    public string? Sort { get; init; }

    public int? PageSize { get; init; }

    public int? PageNumber { get; init; }
}
