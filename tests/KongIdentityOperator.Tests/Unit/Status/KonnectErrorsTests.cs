using System.Net;
using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Tests.Unit.Status;

public sealed class KonnectErrorsTests
{
    private const string Route = "/v1/auth-servers/{authServerId}/clients/{clientId}";

    [Fact]
    public void Unauthorized_stalls_and_says_where_the_token_comes_from()
    {
        var outcome = KonnectErrors.ToOutcome(Error(HttpStatusCode.Unauthorized, "Invalid credentials"));

        Assert.Equal((OutcomeKind.Stalled, ConditionReasons.Unauthorized, (TimeSpan?)null), (outcome.Kind, outcome.Reason, outcome.RequeueAfter));
        Assert.Contains("401", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("spec.konnect.tokenSecretRef", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("--konnect-token", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forbidden_stalls_with_konnects_detail()
    {
        var outcome = KonnectErrors.ToOutcome(Error(HttpStatusCode.Forbidden, "You do not have permission to perform this action"));

        Assert.Equal((OutcomeKind.Stalled, ConditionReasons.Forbidden), (outcome.Kind, outcome.Reason));
        Assert.Contains("You do not have permission to perform this action", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("permission", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_found_stalls_as_rejected()
    {
        var outcome = KonnectErrors.ToOutcome(Error(HttpStatusCode.NotFound, "auth server not found"));

        Assert.Equal((OutcomeKind.Stalled, ConditionReasons.KonnectRejected), (outcome.Kind, outcome.Reason));
        Assert.Contains("auth server not found", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_request_stalls_with_every_invalid_parameter()
    {
        var error = new KonnectApiException(HttpStatusCode.BadRequest, "PUT", Route)
        {
            Title = "Bad Request",
            Detail = "Invalid request",
            InvalidParameters =
            [
                new("access_token_duration", "must be at least 60", "min") { Minimum = 60 },
                new("grant_types[0]", "is not one of the allowed values", "enum") { Choices = ["client_credentials", "implicit"] },
            ],
        };

        var outcome = KonnectErrors.ToOutcome(error);

        Assert.Equal((OutcomeKind.Stalled, ConditionReasons.KonnectRejected, (TimeSpan?)null), (outcome.Kind, outcome.Reason, outcome.RequeueAfter));
        Assert.Contains("access_token_duration: must be at least 60 (min, minimum 60)", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("grant_types[0]: is not one of the allowed values (enum, one of client_credentials|implicit)", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(Route, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conflict_stalls_as_a_name_conflict()
    {
        var outcome = KonnectErrors.ToOutcome(Error(HttpStatusCode.Conflict, "name already exists"));

        Assert.Equal((OutcomeKind.Stalled, ConditionReasons.NameConflict), (outcome.Kind, outcome.Reason));
        Assert.Contains("name already exists", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_core_entities_uniqueness_error_is_a_name_conflict_too()
    {
        var byCode = new KonnectApiException(HttpStatusCode.BadRequest, "POST", "/v2/control-planes/{controlPlaneId}/core-entities/plugins") { Code = 6, Detail = "already exists" };
        var byText = new KonnectApiException(HttpStatusCode.BadRequest, "POST", "/v2/control-planes/{controlPlaneId}/core-entities/plugins") { Code = 3, Detail = "instance_name (type: unique) constraint failed" };

        Assert.Equal(ConditionReasons.NameConflict, KonnectErrors.ToOutcome(byCode).Reason);
        Assert.Equal(ConditionReasons.NameConflict, KonnectErrors.ToOutcome(byText).Reason);
    }

    [Fact]
    public void Too_many_requests_waits_for_retry_after()
    {
        var outcome = KonnectErrors.ToOutcome(new KonnectApiException(HttpStatusCode.TooManyRequests, "GET", Route) { RetryAfter = TimeSpan.FromSeconds(42) });

        Assert.Equal((OutcomeKind.Progressing, ConditionReasons.RateLimited, (TimeSpan?)TimeSpan.FromSeconds(42)), (outcome.Kind, outcome.Reason, outcome.RequeueAfter));
        Assert.Contains("retrying in 42 s", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_requests_without_retry_after_waits_the_default()
    {
        var outcome = KonnectErrors.ToOutcome(new KonnectApiException(HttpStatusCode.TooManyRequests, "GET", Route));

        Assert.Equal((OutcomeKind.Progressing, ConditionReasons.RateLimited, (TimeSpan?)TimeSpan.FromSeconds(15)), (outcome.Kind, outcome.Reason, outcome.RequeueAfter));
        Assert.Equal(KonnectErrors.DefaultRateLimitWait, outcome.RequeueAfter);
        Assert.Contains("retrying in 15 s", outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public void Transient_answers_retry_with_backoff(HttpStatusCode status)
    {
        var outcome = KonnectErrors.ToOutcome(Error(status, "upstream connect error"));

        Assert.Equal((OutcomeKind.Progressing, ConditionReasons.Retrying, (TimeSpan?)null), (outcome.Kind, outcome.Reason, outcome.RequeueAfter));
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Message, StringComparison.Ordinal);
        Assert.EndsWith("retrying with backoff.", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_503_with_retry_after_still_backs_off_as_retrying()
    {
        var outcome = KonnectErrors.ToOutcome(new KonnectApiException(HttpStatusCode.ServiceUnavailable, "GET", Route) { RetryAfter = TimeSpan.FromSeconds(30) });

        Assert.Equal((OutcomeKind.Progressing, ConditionReasons.Retrying), (outcome.Kind, outcome.Reason));
    }

    [Fact]
    public void Not_implemented_is_not_transient()
    {
        var outcome = KonnectErrors.ToOutcome(Error(HttpStatusCode.NotImplemented));

        Assert.Equal((OutcomeKind.Stalled, ConditionReasons.KonnectRejected), (outcome.Kind, outcome.Reason));
    }

    [Fact]
    public void A_timeout_retries()
    {
        var outcome = KonnectErrors.ToOutcome(KonnectApiException.TimedOut("GET", "/v1/auth-servers/{authServerId}", new TimeoutException("The operation didn't complete within the allowed timeout of '00:00:30'.")));

        Assert.Equal((OutcomeKind.Progressing, ConditionReasons.Retrying, (TimeSpan?)null), (outcome.Kind, outcome.Reason, outcome.RequeueAfter));
        Assert.Contains("did not answer in time", outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.NameResolutionError)]
    [InlineData(HttpRequestError.SecureConnectionError)]
    public void An_unreachable_konnect_retries_and_says_why(HttpRequestError reason)
    {
        var outcome = KonnectErrors.ToOutcome(new HttpRequestException(reason, "Connection refused (konnect.example:443)"));

        Assert.Equal((OutcomeKind.Progressing, ConditionReasons.Retrying, (TimeSpan?)null), (outcome.Kind, outcome.Reason, outcome.RequeueAfter));
        Assert.Contains(reason.ToString(), outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_konnect_and_network_errors_are_handled()
    {
        Assert.True(KonnectErrors.Handles(Error(HttpStatusCode.BadRequest)));
        Assert.True(KonnectErrors.Handles(new HttpRequestException("x")));
        Assert.True(KonnectErrors.Handles(KonnectApiException.TimedOut("GET", "/v1/auth-servers", new TimeoutException())));
        Assert.False(KonnectErrors.Handles(new InvalidOperationException("bug")));
        Assert.False(KonnectErrors.Handles(new TaskCanceledException()));
        Assert.Throws<ArgumentException>(() => KonnectErrors.ToOutcome(new InvalidOperationException("bug")));
    }

    [Fact]
    public void Outcome_messages_never_carry_what_konnect_already_scrubbed_away()
    {
        // The client masks secrets and moves trace ids out of Detail before the exception exists; the outcome only
        // uses the exception's Message, so the trace id kept on the side never reaches a condition.
        var error = new KonnectApiException(HttpStatusCode.BadRequest, "PUT", Route) { Detail = "client_secret ***** is too short", TraceId = "kong:trace:1234567890" };

        var outcome = KonnectErrors.ToOutcome(error);

        Assert.DoesNotContain("kong:trace", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("client_secret ***** is too short", outcome.Message, StringComparison.Ordinal);
    }

    private static KonnectApiException Error(HttpStatusCode status, string? detail = null) => new(status, "PUT", Route) { Detail = detail };
}
