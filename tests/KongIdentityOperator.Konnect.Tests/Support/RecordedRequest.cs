using System.Net.Http.Headers;

namespace KongIdentityOperator.Konnect.Tests.Support;

/// <summary>A request as the stub handler saw it, with the fake time it arrived at.</summary>
public sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    AuthenticationHeaderValue? Authorization,
    string? Body,
    string? ContentType,
    DateTimeOffset At)
{
    public string PathAndQuery => Uri.PathAndQuery;
}
