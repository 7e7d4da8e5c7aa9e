namespace KongIdentityOperator.Konnect.Paging;

/// <summary>Defaults of page-based listing.</summary>
public static class PageRequest
{
    /// <summary>The page size that <c>ListAllAsync</c> uses when the query sets none.</summary>
    public const int DefaultListAllPageSize = 100;
}
