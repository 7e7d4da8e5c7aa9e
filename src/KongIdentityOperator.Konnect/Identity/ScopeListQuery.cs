using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Filters, sort and paging of <c>GET …/scopes</c>.</summary>
public sealed record ScopeListQuery
{
    public StringFilter? Name { get; init; }

    public string? Id { get; init; }

    public string? Sort { get; init; }

    public int? PageSize { get; init; }

    public int? PageNumber { get; init; }
}
