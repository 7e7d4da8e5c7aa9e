using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Runtime.Tests.Queue;

public sealed class ExponentialBackoffTests
{
    private readonly ExponentialBackoff _backoff = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData(0, 500)]
    [InlineData(1, 1000)]
    [InlineData(5, 16000)]
    [InlineData(6, 30000)]
    [InlineData(1000, 30000)]
    [InlineData(int.MaxValue, 30000)]
    public void Delay_doubles_per_failure_and_is_capped(int failures, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), _backoff.Delay(failures));

    [Fact]
    public void Jitter_adds_at_most_the_given_fraction()
    {
        var delays = Enumerable.Range(0, 200).Select(_ => _backoff.JitteredDelay(2, 0.5)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)));
        Assert.True(delays.Distinct().Count() > 1, "jitter should vary the delay");
    }

    [Fact]
    public void Negative_failures_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _backoff.Delay(-1));
}
