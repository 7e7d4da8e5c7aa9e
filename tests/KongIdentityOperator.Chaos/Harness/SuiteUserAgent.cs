using System.Net.Http.Headers;

namespace KongIdentityOperator.Chaos.Harness;

/// <summary>
/// Marks the suite's own Kubernetes requests, so that the API server's request log tells them apart from the
/// operator's (which namespaces the operator read Secrets from).
/// </summary>
internal sealed class SuiteUserAgent : DelegatingHandler
{
    public const string Value = "kong-identity-chaos-suite";

    /// <summary>Whether a request log's user agent is the suite's (anything else is the operator's).</summary>
    public static bool IsSuite(string userAgent) => userAgent.StartsWith(Value + "/", StringComparison.Ordinal);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Clear();
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue(Value, "1"));
        return base.SendAsync(request, cancellationToken);
    }
}
