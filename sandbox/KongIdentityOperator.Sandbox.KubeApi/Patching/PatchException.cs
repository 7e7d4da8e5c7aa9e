namespace KongIdentityOperator.Sandbox.KubeApi.Patching;

/// <summary>A patch that cannot be applied to the object (failed <c>test</c>, missing path, bad directive).</summary>
internal sealed class PatchException : Exception
{
    public PatchException()
    {
    }

    public PatchException(string message)
        : base(message)
    {
    }

    public PatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
