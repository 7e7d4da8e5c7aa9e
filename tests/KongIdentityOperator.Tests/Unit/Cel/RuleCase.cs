namespace KongIdentityOperator.Tests.Unit.Cel;

/// <summary>One input for a CRD rule, named by the rule's message: <c>self</c> (and <c>oldSelf</c>) as JSON, and the verdict.</summary>
internal sealed record RuleCase(string Message, string Name, string Self, string? OldSelf, bool Admitted);
