namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>One Client of a chaos run: its allowed scopes (1-3), token lifetime and the wave it is created in.</summary>
internal sealed record ClientPlan(string Namespace, string Name, IReadOnlyList<string> Scopes, int AccessTokenSeconds, int Wave)
{
    public string SecretName => Name + "-credentials";
}
