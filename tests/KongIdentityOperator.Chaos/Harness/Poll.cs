namespace KongIdentityOperator.Chaos.Harness;

/// <summary>"Eventually" waits: observe until accepted, else fail with the last observation. Never a fixed sleep as an assertion.</summary>
internal static class Poll
{
    public static async Task<T> MatchAsync<T>(
        Func<Task<T>> observe, Func<T, bool> accept, Func<T, string> describe, string what, TimeSpan timeout, CancellationToken cancellationToken, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var last = await observe();
            if (accept(last))
            {
                return last;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout} waiting for {what}; last seen: {describe(last)}");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout, CancellationToken cancellationToken) =>
        MatchAsync(condition, ok => ok, _ => "false", what, timeout, cancellationToken);
}
