namespace KongIdentityOperator.Konnect.Paging;

/// <summary>The <c>meta</c> object of a Konnect-native list.</summary>
public sealed record PageMeta(PageInfo Page);
