namespace KongIdentityOperator.Sandbox.Konnect.Tests.Support;

/// <summary>Polls a condition (up to 30 s) instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
