namespace KongIdentityOperator.Chaos.BadInput;

/// <summary>
/// Every <see cref="StalledCases"/> manifest is accepted and then surfaced in a condition with a clear message,
/// without a Konnect write and without a hot loop: at most <see cref="MaxCallsInWindow"/> Konnect calls in the
/// measured window once stalled (none at all where the cluster alone tells what is wrong).
/// </summary>
public sealed class StalledInputTests(StalledInputFixture fixture) : IClassFixture<StalledInputFixture>
{
    public const int MaxCallsInWindow = 3;

    public static TheoryData<string> Cases { get; } = [.. StalledCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_surfaced_in_a_condition_without_a_Konnect_write_or_a_hot_loop(string name)
    {
        var @case = StalledCases.All.Single(c => c.Name == name);
        var outcome = fixture.Outcomes[name];
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{name}: {outcome.CallsSinceCreated} Konnect calls since created, {outcome.CallsInWindow} in {outcome.WindowSeconds:F0} s ({outcome.CallsPerMinute}/min)");

        Assert.True(outcome.Reached, $"expected {@case.ConditionType}={@case.Status} {@case.Reason} with \"{@case.MessagePart}\"; observed: {outcome.Observed}");
        Assert.Equal(0, outcome.WritesAccepted);
        Assert.Equal(0, outcome.WriteAttemptsInWindow);
        Assert.InRange(outcome.CallsInWindow, 0, MaxCallsInWindow);
        if (@case.NoKonnectCalls)
        {
            Assert.Equal(0, outcome.CallsSinceCreated);
        }

        Assert.Empty(outcome.Problems);
    }

    [Fact]
    public void All_bad_inputs_together_stay_within_the_bound_in_the_window()
    {
        Assert.InRange(fixture.TotalCallsInWindow, 0, MaxCallsInWindow * StalledCases.All.Count);
    }

    [Fact]
    public void Nothing_the_bad_inputs_made_the_operator_say_or_write_holds_a_token_or_a_client_secret()
    {
        Assert.True(fixture.LeakSecretsWatched >= StalledCases.All.Count, "every case's token was looked for");
        Assert.Empty(fixture.Leaks);
    }
}
