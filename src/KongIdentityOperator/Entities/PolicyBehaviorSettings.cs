using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("What the plugin does with tokens and IdP errors (config.behavior).")]
public sealed class PolicyBehaviorSettings
{
    [Length(1, 256)]
    [Description("Header the token is sent upstream in (plugin default Authorization).")]
    public string? UpstreamAccessTokenHeaderName { get; set; }

    [RangeMinimum(500)]
    [RangeMaximum(599)]
    [Description("Status returned to the caller when the IdP fails (plugin default 502).")]
    public int? IdpErrorResponseStatusCode { get; set; }

    [Length(1, 256)]
    [Description("Content type of that error response.")]
    public string? IdpErrorResponseContentType { get; set; }

    [Length(1, 1024)]
    [Description("Message of that error response.")]
    public string? IdpErrorResponseMessage { get; set; }

    [Length(1, 4096)]
    [Description("Body template of that error response.")]
    public string? IdpErrorResponseBodyTemplate { get; set; }

    [Items(-1, 20)]
    [ValidationRule("self.all(c, c >= 100 && c <= 599)", "status codes must be between 100 and 599")]
    [Description("Upstream status codes that purge the cached token (plugin default [401]).")]
    public IList<int>? PurgeTokenOnUpstreamStatusCodes { get; set; }
}
