using k8s.Models;
using KongIdentityOperator.Runtime.Conditions;

namespace KongIdentityOperator.Runtime.Tests.Conditions;

public sealed class ConditionListExtensionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 7, 0, 0, 250, TimeSpan.Zero);
    private readonly List<V1Condition> _conditions = [];

    [Fact]
    public void Setting_a_new_condition_adds_it_with_whole_second_transition_time()
    {
        var changed = _conditions.Set("Ready", ConditionStatus.True, "Reconciled", "all good", 3, T0);

        Assert.True(changed);
        var ready = Assert.Single(_conditions);
        Assert.Equal(("Ready", "True", "Reconciled", "all good", 3L), (ready.Type, ready.Status, ready.Reason, ready.Message, ready.ObservedGeneration!.Value));
        Assert.Equal(new DateTime(2026, 11, 28, 7, 0, 0, DateTimeKind.Utc), ready.LastTransitionTime);
    }

    [Fact]
    public void Setting_the_same_values_changes_nothing_and_keeps_the_transition_time()
    {
        _conditions.Set("Ready", ConditionStatus.True, "Reconciled", "all good", 3, T0);

        var changed = _conditions.Set("Ready", ConditionStatus.True, "Reconciled", "all good", 3, T0.AddHours(1));

        Assert.False(changed);
        Assert.Equal(T0.UtcDateTime.Date.AddHours(7), _conditions[0].LastTransitionTime);
    }

    [Fact]
    public void A_new_reason_message_or_generation_keeps_the_transition_time()
    {
        _conditions.Set("Ready", ConditionStatus.False, "Waiting", "for ref", 1, T0);

        Assert.True(_conditions.Set("Ready", ConditionStatus.False, "Failed", "remote error", 2, T0.AddMinutes(5)));

        Assert.Equal(("Failed", "remote error", 2L), (_conditions[0].Reason, _conditions[0].Message, _conditions[0].ObservedGeneration!.Value));
        Assert.Equal(T0.UtcDateTime.Date.AddHours(7), _conditions[0].LastTransitionTime);
    }

    [Fact]
    public void A_status_change_moves_the_transition_time()
    {
        _conditions.Set("Ready", ConditionStatus.False, "Waiting", "for ref", 1, T0);

        Assert.True(_conditions.Set("Ready", ConditionStatus.True, "Reconciled", string.Empty, 1, T0.AddMinutes(5)));

        Assert.Equal(T0.UtcDateTime.Date.AddHours(7).AddMinutes(5), _conditions[0].LastTransitionTime);
    }

    [Fact]
    public void Conditions_of_other_types_are_independent()
    {
        _conditions.Set("Ready", ConditionStatus.True, "Reconciled", null, 1, T0);
        _conditions.Set("Stalled", ConditionStatus.False, "Fine", null, 1, T0);

        Assert.True(_conditions.IsTrue("Ready"));
        Assert.True(_conditions.IsFalse("Stalled"));
        Assert.False(_conditions.IsTrue("Stalled"));
        Assert.False(_conditions.IsTrue("Missing"));
        Assert.Null(_conditions.Get("Missing"));
        Assert.True(_conditions.Remove("Stalled"));
        Assert.False(_conditions.Remove("Stalled"));
        Assert.Single(_conditions);
    }

    [Fact]
    public void Overlong_messages_are_cut_to_the_api_limit()
    {
        _conditions.Set("Ready", ConditionStatus.False, "Failed", new string('x', 40_000), 1, T0);

        Assert.Equal(ConditionListExtensions.MaxMessageLength, _conditions[0].Message.Length);
    }
}
