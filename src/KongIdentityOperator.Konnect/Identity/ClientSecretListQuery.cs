namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Filters, sort and paging of <c>GET …/secrets</c>.</summary>
public sealed record ClientSecretListQuery
{
    public string? Id { get; init; }

    public bool? Enabled { get; init; }

    public string? Sort { get; init; }

    public int? PageSize { get; init; }

    public int? PageNumber { get; init; }
}
