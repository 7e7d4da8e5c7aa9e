using KongIdentityOperator.Status;

namespace KongIdentityOperator.Tests.Unit.Status;

public sealed class OutcomeRecorderTests
{
    [Fact]
    public void Retrying_is_a_failure_left_to_the_runtimes_backoff()
    {
        var entity = TestEntities.AuthServer();

        var result = OutcomeRecorder.ResultFor(entity, ReconcileOutcome.Progressing(ConditionReasons.Retrying, "Konnect answered 503; retrying with backoff."));

        Assert.True(result.IsFailure);
        Assert.Equal("Konnect answered 503; retrying with backoff.", result.ErrorMessage);
        Assert.Null(result.RequeueAfter);
        Assert.Same(entity, result.Entity);
    }

    [Fact]
    public void Retrying_ignores_a_requeue_hint()
    {
        var result = OutcomeRecorder.ResultFor(TestEntities.AuthServer(), ReconcileOutcome.Progressing(ConditionReasons.Retrying, "retrying", TimeSpan.FromSeconds(5)));

        Assert.True(result.IsFailure);
        Assert.Null(result.RequeueAfter);
    }

    [Fact]
    public void Rate_limited_is_a_failure_retried_after_the_wait()
    {
        var result = OutcomeRecorder.ResultFor(TestEntities.Client(), ReconcileOutcome.Progressing(ConditionReasons.RateLimited, "rate limited", TimeSpan.FromSeconds(42)));

        Assert.True(result.IsFailure);
        Assert.Equal("rate limited", result.ErrorMessage);
        Assert.Equal(TimeSpan.FromSeconds(42), result.RequeueAfter);
    }

    [Fact]
    public void The_rate_limit_outcome_of_a_429_becomes_a_timed_retry()
    {
        var outcome = KonnectErrors.ToOutcome(new Konnect.Errors.KonnectApiException(System.Net.HttpStatusCode.TooManyRequests, "GET", "/v1/auth-servers"));

        var result = OutcomeRecorder.ResultFor(TestEntities.AuthServer(), outcome);

        Assert.True(result.IsFailure);
        Assert.Equal(KonnectErrors.DefaultRateLimitWait, result.RequeueAfter);
    }

    public static TheoryData<string> Settled() => ["Ready", "Stalled", "WaitingForRef", "Progressing"];

    [Theory]
    [MemberData(nameof(Settled))]
    public void Ready_stalled_and_waiting_wait_for_the_next_change(string kind)
    {
        var outcome = kind switch
        {
            "Ready" => ReconcileOutcome.Ready("ok"),
            "Stalled" => ReconcileOutcome.Stalled(ConditionReasons.InvalidSpec, "bad spec"),
            "WaitingForRef" => ReconcileOutcome.Progressing(ConditionReasons.WaitingForRef, "waiting for AuthServer appointments"),
            _ => ReconcileOutcome.Progressing(ConditionReasons.Progressing, "creating"),
        };

        var result = OutcomeRecorder.ResultFor(TestEntities.Scope(), outcome);

        Assert.True(result.IsSuccess);
        Assert.Null(result.RequeueAfter);
        Assert.Null(result.ErrorMessage);
    }
}
