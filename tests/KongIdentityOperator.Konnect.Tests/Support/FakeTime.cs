using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Konnect.Tests.Support;

/// <summary>Waiting helpers for tests on fake time; they fail after 30 s of real time instead of hanging.</summary>
public static class FakeTime
{
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Moves fake time forward in small steps until <paramref name="done"/> holds, giving continuations a moment of
    /// real time after each step.
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> done, TimeSpan step, TimeSpan? maxFakeTime = null)
    {
        var limit = maxFakeTime ?? TimeSpan.FromMinutes(10);
        var advanced = TimeSpan.Zero;
        using var realTimeout = new CancellationTokenSource(RealTimeLimit);
        while (!done())
        {
            Assert.False(realTimeout.IsCancellationRequested, "the condition did not hold within 30 s of real time");
            Assert.True(advanced <= limit, $"the condition did not hold within {limit} of fake time");
            time.Advance(step);
            advanced += step;
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits in real time (up to 30 s) for <paramref name="done"/> without moving fake time.</summary>
    public static async Task WaitUntilAsync(Func<bool> done)
    {
        using var realTimeout = new CancellationTokenSource(RealTimeLimit);
        while (!done())
        {
            Assert.False(realTimeout.IsCancellationRequested, "the condition did not hold within 30 s of real time");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}
