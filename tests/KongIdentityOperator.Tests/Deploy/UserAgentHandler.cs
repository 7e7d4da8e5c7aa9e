namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// Stamps every request of the test's own Kubernetes client with a User-Agent of its own, so that the API server's
/// request log tells the test's calls apart from the operator's (which keep KubernetesClient's default).
/// </summary>
internal sealed class UserAgentHandler(string userAgent) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        return base.SendAsync(request, cancellationToken);
    }
}
