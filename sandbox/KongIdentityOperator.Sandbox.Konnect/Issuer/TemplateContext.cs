using KongIdentityOperator.Sandbox.Konnect.Identity;

namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>What a claim template can see: <c>.Client.*</c>, <c>.AuthServer.*</c> and the clock.</summary>
internal sealed record TemplateContext(Client Client, AuthServer AuthServer, DateTimeOffset Now);
