using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("How the gateway calls the token endpoint (plugin config.client).")]
public sealed class PolicyClientSettings
{
    [Description("client_secret_post (default, matches Kong Identity) or client_secret_basic.")]
    public UpstreamAuthMethod? AuthMethod { get; set; }

    [RangeMinimum(0)]
    [RangeMaximum(2147483646)]
    [Description("Timeout of the token request in milliseconds (plugin default 10000).")]
    public int? TimeoutMilliseconds { get; set; }

    [Description("Verify the token endpoint's TLS certificate.")]
    public bool? SslVerify { get; set; }

    [Description("Keep connections to the token endpoint alive (plugin default true).")]
    public bool? KeepAlive { get; set; }
}
