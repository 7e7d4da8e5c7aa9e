namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>One Client checked end to end: whether its secret is lost (no Secret, or not what Konnect has), and every problem.</summary>
internal sealed record CredentialsVerdict(bool SecretLost, IReadOnlyList<string> Problems);
