namespace KongIdentityOperator.Sandbox.KubeApi.Selectors;

/// <summary>One <c>field=value</c> (or <c>!=</c>) term of a field selector.</summary>
internal sealed record FieldTerm(string Field, string Value, bool Negated);
