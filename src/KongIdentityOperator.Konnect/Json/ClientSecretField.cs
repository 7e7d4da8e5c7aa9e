namespace KongIdentityOperator.Konnect.Json;

/// <summary>The <c>client_secret</c> of a POST …/clients answer, read beside the <see cref="Identity.Client"/> itself.</summary>
internal sealed record ClientSecretField(string? ClientSecret);
