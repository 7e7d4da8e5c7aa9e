using System.Net;
using KongIdentityOperator.Konnect.Http;

namespace KongIdentityOperator.Konnect.Tests.Resilience;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Default = TimeSpan.FromSeconds(15);

    private static HttpResponseMessage Answer(HttpStatusCode status, string? retryAfter)
    {
        var response = new HttpResponseMessage(status);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return response;
    }

    [Fact]
    public void Delta_seconds()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, "77");
        Assert.Equal(TimeSpan.FromSeconds(77), RetryAfterHeader.ForResponse(response, Now, Default));
    }

    [Fact]
    public void Http_date_is_relative_to_the_clock()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, Now.AddSeconds(42).ToString("R"));
        Assert.Equal(TimeSpan.FromSeconds(42), RetryAfterHeader.ForResponse(response, Now, Default));
    }

    [Fact]
    public void Http_date_in_the_past_means_now()
    {
        using var response = Answer(HttpStatusCode.ServiceUnavailable, Now.AddSeconds(-5).ToString("R"));
        Assert.Equal(TimeSpan.Zero, RetryAfterHeader.ForResponse(response, Now, Default));
    }

    [Fact]
    public void Absent_on_a_429_means_fifteen_seconds()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, null);
        Assert.Equal(Default, RetryAfterHeader.ForResponse(response, Now, Default));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    public void Absent_or_unreadable_on_a_503_means_backoff(string? header)
    {
        using var response = Answer(HttpStatusCode.ServiceUnavailable, header);
        Assert.Null(RetryAfterHeader.ForResponse(response, Now, Default));
    }
}
