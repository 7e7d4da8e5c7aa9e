namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

/// <summary>Polls a condition with a generous deadline, for effects the server applies asynchronously (GC).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Timed out after {timeoutSeconds}s waiting until {because}");
    }
}
