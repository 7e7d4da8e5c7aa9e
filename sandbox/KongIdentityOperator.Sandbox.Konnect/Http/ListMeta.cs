namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary><c>meta</c> of a Konnect page-number list.</summary>
internal sealed record ListMeta(PageMeta Page);
