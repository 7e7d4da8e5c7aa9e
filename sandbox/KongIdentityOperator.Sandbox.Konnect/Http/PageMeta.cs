namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary><c>meta.page</c> of a Konnect page-number list.</summary>
internal sealed record PageMeta(int Number, int Size, int Total);
