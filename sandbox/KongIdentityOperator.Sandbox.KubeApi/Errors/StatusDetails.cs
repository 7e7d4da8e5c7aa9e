namespace KongIdentityOperator.Sandbox.KubeApi.Errors;

/// <summary>The <c>details</c> of a Status body.</summary>
internal sealed record StatusDetails(string? Name, string? Group, string? Kind, string? Uid = null)
{
    public IReadOnlyList<StatusCause> Causes { get; init; } = [];

    public int? RetryAfterSeconds { get; init; }
}
