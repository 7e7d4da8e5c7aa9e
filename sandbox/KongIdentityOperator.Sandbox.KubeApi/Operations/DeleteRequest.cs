namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>A DELETE's options (from its DeleteOptions body and query): propagation and preconditions.</summary>
internal sealed record DeleteRequest(string? PropagationPolicy, string? PreconditionUid, string? PreconditionResourceVersion, bool DryRun)
{
    public static DeleteRequest Default { get; } = new(null, null, null, DryRun: false);
}
