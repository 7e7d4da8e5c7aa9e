namespace KongIdentityOperator.Runtime.Queue;

/// <summary>Delay <c>base * 2^failures</c>, capped; optionally jittered so that many clients do not retry in step.</summary>
internal sealed record ExponentialBackoff(TimeSpan Base, TimeSpan Max)
{
    /// <summary>The delay before retry number <paramref name="failures"/> + 1 (0 for the first retry).</summary>
    public TimeSpan Delay(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failures);

        // Past 2^30 the cap has long been reached; stopping the exponent there avoids overflow.
        var factor = Math.Pow(2, Math.Min(failures, 30));
        var ticks = Base.Ticks * factor;
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The delay with up to <paramref name="fraction"/> of it added at random (never above the cap by more than that).</summary>
    public TimeSpan JitteredDelay(int failures, double fraction = 0.5)
    {
        var delay = Delay(failures);
        return delay + TimeSpan.FromTicks((long)(delay.Ticks * fraction * Random.Shared.NextDouble()));
    }
}
