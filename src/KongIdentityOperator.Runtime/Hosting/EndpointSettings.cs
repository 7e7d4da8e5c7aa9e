namespace KongIdentityOperator.Runtime.Hosting;

/// <summary>Where <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> are served.</summary>
public sealed class EndpointSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>The address to bind; <c>0.0.0.0</c> for every interface (in a pod), <c>127.0.0.1</c> in tests.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>The port; 0 picks a free one (see <see cref="OperatorEndpoints.BaseAddress"/>).</summary>
    public int Port { get; set; } = 8080;
}
