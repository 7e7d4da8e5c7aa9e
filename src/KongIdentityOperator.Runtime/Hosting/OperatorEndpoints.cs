namespace KongIdentityOperator.Runtime.Hosting;

/// <summary>Where the operator's <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> are served, once started.</summary>
public sealed class OperatorEndpoints
{
    private volatile Uri? _baseAddress;

    /// <summary>The bound address (with the actual port when the configured port was 0); null until started.</summary>
    public Uri? BaseAddress
    {
        get => _baseAddress;
        internal set => _baseAddress = value;
    }
}
