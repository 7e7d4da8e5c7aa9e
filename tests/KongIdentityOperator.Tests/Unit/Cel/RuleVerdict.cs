namespace KongIdentityOperator.Tests.Unit.Cel;

/// <summary>What a rule said about a value: true, false, or an evaluation error (which the API server counts as a rejection).</summary>
internal sealed record RuleVerdict(bool? Result, string? Error)
{
    public bool Passed => Result == true;

    public override string ToString() => Error is null ? $"{Result}" : $"error: {Error}";
}
