namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>RFC 6749 §5.2 error response.</summary>
internal sealed record OAuthErrorBody(string Error, string ErrorDescription);
