using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Filters, sort and paging of <c>GET …/claims</c>.</summary>
public sealed record ClaimListQuery
{
    public StringFilter? Name { get; init; }

    public string? Id { get; init; }

    public string? Sort { get; init; }

    public int? PageSize { get; init; }

    public int? PageNumber { get; init; }
}
