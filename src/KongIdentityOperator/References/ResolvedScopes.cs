namespace KongIdentityOperator.References;

/// <summary>Scope refs resolved to Konnect ids and scope strings, in the order given.</summary>
internal sealed record ResolvedScopes(IReadOnlyList<string> Ids, IReadOnlyList<string> Names);
