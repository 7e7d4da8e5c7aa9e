namespace KongIdentityOperator.Konnect.Paging;

/// <summary>Paging position: 1-based page number, page size, and the total number of matching items.</summary>
public sealed record PageInfo(int Number, int Size, int Total);
