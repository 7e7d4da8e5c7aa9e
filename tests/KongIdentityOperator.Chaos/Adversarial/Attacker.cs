namespace KongIdentityOperator.Chaos.Adversarial;

/// <summary>One attack's namespace and the token only it holds (a valid token of the same Konnect organisation).</summary>
public sealed record Attacker(string Namespace, string Token);
