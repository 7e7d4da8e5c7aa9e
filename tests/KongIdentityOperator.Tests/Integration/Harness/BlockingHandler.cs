namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>
/// Holds every request that matches until the operator is stopped: a stand-in for a process that dies at exactly that
/// moment (the request never reaches Konnect).
/// </summary>
public sealed class BlockingHandler(Func<HttpRequestMessage, bool> matches) : DelegatingHandler
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first matching request arrived (and was held).</summary>
    public Task Reached => _reached.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (matches(request))
        {
            _reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
