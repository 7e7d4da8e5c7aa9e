using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Tests.Unit.Status;

public sealed class StatusConditionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddMinutes(5);

    public static TheoryData<string, string, string, string> Trios() => new()
    {
        { "Ready", "True", "False", "False" },
        { "Progressing", "False", "True", "False" },
        { "Stalled", "False", "False", "True" },
    };

    [Theory]
    [MemberData(nameof(Trios))]
    public void Each_outcome_writes_exactly_the_documented_trio(string kind, string ready, string reconciling, string stalled)
    {
        var status = new ClientStatus();
        var outcome = Outcome(kind, "the message");

        StatusConditions.Apply(status, 3, outcome, T0);

        Assert.Equal(["Ready", "Reconciling", "Stalled"], status.Conditions.Select(c => c.Type));
        Assert.Equal([ready, reconciling, stalled], status.Conditions.Select(c => c.Status));
        Assert.All(status.Conditions, c => Assert.Equal(outcome.Reason, c.Reason));
        Assert.All(status.Conditions, c => Assert.Equal(3, c.ObservedGeneration));
        Assert.All(status.Conditions, c => Assert.Equal(new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), c.LastTransitionTime));
    }

    [Theory]
    [MemberData(nameof(Trios))]
    public void The_message_is_on_ready_and_on_the_true_condition_only(string kind, string ready, string reconciling, string stalled)
    {
        var status = new ClientStatus();

        StatusConditions.Apply(status, 1, Outcome(kind, "the message"), T0);

        Assert.Equal((ready, "the message"), (Condition(status, "Ready").Status, Condition(status, "Ready").Message));
        Assert.Equal(reconciling == "True" ? "the message" : string.Empty, Condition(status, "Reconciling").Message);
        Assert.Equal(stalled == "True" ? "the message" : string.Empty, Condition(status, "Stalled").Message);
    }

    [Fact]
    public void Observed_generation_is_set()
    {
        var status = new ScopeStatus();
        Assert.Equal(-1, status.ObservedGeneration);

        Assert.True(StatusConditions.Apply(status, 7, ReconcileOutcome.Ready("ok"), T0));

        Assert.Equal(7, status.ObservedGeneration);
    }

    [Fact]
    public void Nothing_changed_returns_false()
    {
        var status = new ClientStatus();
        StatusConditions.Apply(status, 2, ReconcileOutcome.Ready("ok"), T0);

        Assert.False(StatusConditions.Apply(status, 2, ReconcileOutcome.Ready("ok"), T1));
    }

    [Fact]
    public void A_new_generation_alone_is_a_change()
    {
        var status = new ClientStatus();
        StatusConditions.Apply(status, 2, ReconcileOutcome.Ready("ok"), T0);

        Assert.True(StatusConditions.Apply(status, 3, ReconcileOutcome.Ready("ok"), T1));
        Assert.Equal(3, status.ObservedGeneration);
        Assert.All(status.Conditions, c => Assert.Equal(3, c.ObservedGeneration));
    }

    [Fact]
    public void Last_transition_time_is_kept_while_the_status_is_unchanged()
    {
        var status = new ClientStatus();
        StatusConditions.Apply(status, 1, ReconcileOutcome.Progressing(ConditionReasons.WaitingForRef, "waiting for the AuthServer"), T0);
        var before = status.Conditions.ToDictionary(c => c.Type, c => c.LastTransitionTime);

        var changed = StatusConditions.Apply(status, 1, ReconcileOutcome.Progressing(ConditionReasons.Retrying, "Konnect answered 503"), T1);

        Assert.True(changed);
        Assert.Equal(before, status.Conditions.ToDictionary(c => c.Type, c => c.LastTransitionTime));
        Assert.Equal(ConditionReasons.Retrying, Condition(status, "Reconciling").Reason);
        Assert.Equal("Konnect answered 503", Condition(status, "Reconciling").Message);
    }

    [Fact]
    public void Last_transition_time_moves_only_on_the_conditions_that_flip()
    {
        var status = new ClientStatus();
        StatusConditions.Apply(status, 1, ReconcileOutcome.Progressing(ConditionReasons.Progressing, "creating"), T0);

        StatusConditions.Apply(status, 1, ReconcileOutcome.Stalled(ConditionReasons.InvalidSpec, "bad"), T1);

        Assert.Equal(T0.UtcDateTime.AddTicks(-T0.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), Condition(status, "Ready").LastTransitionTime);
        Assert.Equal(T1.UtcDateTime.AddTicks(-T1.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), Condition(status, "Reconciling").LastTransitionTime);
        Assert.Equal(T1.UtcDateTime.AddTicks(-T1.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), Condition(status, "Stalled").LastTransitionTime);
    }

    [Fact]
    public void Domain_conditions_are_left_alone()
    {
        var status = new ClientStatus();
        StatusConditions.SetDomain(status, ConditionTypes.SecretReady, true, ConditionReasons.Written, "written", 1, T0);

        StatusConditions.Apply(status, 1, ReconcileOutcome.Ready("ok"), T1);

        Assert.Equal(4, status.Conditions.Count);
        Assert.Equal("True", Condition(status, "SecretReady").Status);
    }

    [Fact]
    public void A_domain_condition_is_set_true_or_false()
    {
        var status = new ClaimStatus();

        Assert.True(StatusConditions.SetDomain(status, ConditionTypes.ResolvedRefs, false, ConditionReasons.WaitingForRef, "waiting", 4, T0));
        Assert.False(StatusConditions.SetDomain(status, ConditionTypes.ResolvedRefs, false, ConditionReasons.WaitingForRef, "waiting", 4, T1));

        var condition = Condition(status, "ResolvedRefs");
        Assert.Equal(("False", ConditionReasons.WaitingForRef, "waiting", 4L), (condition.Status, condition.Reason, condition.Message, condition.ObservedGeneration));
    }

    [Fact]
    public void The_ready_flow_of_a_new_object()
    {
        var status = new AuthServerStatus();

        Assert.True(StatusConditions.Apply(status, 1, ReconcileOutcome.Progressing(ConditionReasons.Progressing, "creating"), T0));
        Assert.True(StatusConditions.Apply(status, 1, ReconcileOutcome.Ready("ready"), T1));
        Assert.False(StatusConditions.Apply(status, 1, ReconcileOutcome.Ready("ready"), T1.AddMinutes(10)));

        Assert.Equal(["True", "False", "False"], status.Conditions.Select(c => c.Status));
        Assert.Equal(3, status.Conditions.Count);
    }

    private static ReconcileOutcome Outcome(string kind, string message) => kind switch
    {
        "Ready" => ReconcileOutcome.Ready(message),
        "Progressing" => ReconcileOutcome.Progressing(ConditionReasons.Progressing, message),
        _ => ReconcileOutcome.Stalled(ConditionReasons.KonnectRejected, message),
    };

    private static V1Condition Condition(ConditionedStatus status, string type) => Assert.Single(status.Conditions, c => c.Type == type);
}
