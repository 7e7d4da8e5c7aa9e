using System.Net;
using System.Text;

namespace KongIdentityOperator.Konnect.Errors;

/// <summary>
/// A non-2xx answer from Konnect, parsed from any of its error shapes: problem+json (with
/// <c>invalid_parameters</c>), the core-entities gRPC-style body (<c>code</c>, <c>message</c>, <c>details</c>),
/// <c>{"message": …}</c>, or an empty or non-JSON body.
/// </summary>
/// <remarks>
/// Texts are cleaned before they get here: <c>kong:trace:…</c> correlation ids are moved to <see cref="TraceId"/> (so
/// messages are stable across retries), and the token and any secret sent in the request are masked.
/// <see cref="Message"/> names the route template (e.g. <c>/v1/auth-servers/{authServerId}</c>), never the URL.
/// </remarks>
public sealed class KonnectApiException : Exception
{
    private const int MaxMessageLength = 600;

    /// <summary>Creates an exception; set the remaining properties with an object initializer.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="method">The HTTP method, e.g. <c>PUT</c>.</param>
    /// <param name="route">The route template, e.g. <c>/v1/auth-servers/{authServerId}/clients/{clientId}</c>.</param>
    public KonnectApiException(HttpStatusCode statusCode, string method, string route)
    {
        StatusCode = statusCode;
        Method = method;
        Route = route;
    }

    public KonnectApiException()
        : this(default, "", "")
    {
    }

    public KonnectApiException(string message)
        : base(message)
    {
        Method = "";
        Route = "";
        Detail = message;
    }

    public KonnectApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "";
        Route = "";
        Detail = message;
    }

    private KonnectApiException(string method, string route, Exception innerException)
        : base(null, innerException)
    {
        Method = method;
        Route = route;
        IsTimeout = true;
    }

    /// <summary>
    /// The call got no answer within the attempt or total timeout (after the retries that were safe); callers see this
    /// type only, never the resilience library's own.
    /// </summary>
    public static KonnectApiException TimedOut(string method, string route, Exception innerException) => new(method, route, innerException);

    public HttpStatusCode StatusCode { get; }

    /// <summary>The HTTP method of the failed call.</summary>
    public string Method { get; }

    /// <summary>The route template of the failed call (no ids, no query string).</summary>
    public string Route { get; }

    /// <summary>The problem+json <c>title</c>, or the reason phrase.</summary>
    public string? Title { get; init; }

    /// <summary>The problem+json <c>detail</c> or the <c>message</c> of other shapes, without trace ids.</summary>
    public string? Detail { get; init; }

    /// <summary>The problem+json <c>type</c>.</summary>
    public string? ProblemType { get; init; }

    /// <summary>The correlation id (<c>kong:trace:…</c>) Konnect support asks for, if the answer had one.</summary>
    public string? TraceId { get; init; }

    /// <summary>The field errors of a 400 problem+json.</summary>
    public IReadOnlyList<KonnectInvalidParameter> InvalidParameters { get; init; } = [];

    /// <summary>The gRPC status code of a core-entities error (3 invalid argument, 6 already exists, 7 permission denied).</summary>
    public int? Code { get; init; }

    /// <summary>The <c>details</c> of a core-entities error.</summary>
    public IReadOnlyList<KonnectErrorDetail> Details { get; init; } = [];

    /// <summary>How long the server asked to wait (<c>Retry-After</c>); for a 429 without it, the configured default (15 s).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>No answer in time: no status code, always worth trying again.</summary>
    public bool IsTimeout { get; }

    /// <summary>When the wait of <see cref="RetryAfter"/> ends, on the client's clock (for messages: "until when").</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>
    /// Refused by the client itself, without a request: the connection's rate-limit budget is used up for longer than
    /// a worker may wait, or its limit of calls in flight is reached (<see cref="Detail"/> says which).
    /// </summary>
    public bool IsLocal { get; init; }

    public bool IsBadRequest => StatusCode == HttpStatusCode.BadRequest;

    public bool IsUnauthorized => StatusCode == HttpStatusCode.Unauthorized;

    public bool IsForbidden => StatusCode == HttpStatusCode.Forbidden;

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    public bool IsConflict => StatusCode == HttpStatusCode.Conflict;

    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>Any 4xx.</summary>
    public bool IsClientError => (int)StatusCode is >= 400 and < 500;

    /// <summary>Any 5xx.</summary>
    public bool IsServerError => (int)StatusCode is >= 500 and < 600;

    /// <summary>Worth trying again later: a timeout, 408, 429 or 5xx (other than 501 and 505).</summary>
    public bool IsTransient => IsTimeout || StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || (IsServerError && StatusCode is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported);

    /// <summary>
    /// Whether Konnect refused because a documented limit is reached (e.g. 50 auth servers per region, two active
    /// secrets per client): a 400 or 403 whose detail speaks of a limit. Retrying does not help until something is freed.
    /// </summary>
    public bool IsLimitExceeded => (IsForbidden || IsBadRequest)
        && (Detail ?? Title ?? string.Empty).Contains("limit", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A name or id is taken: a 409, or what the core-entities API says instead (400 with code 6, or a
    /// "(type: unique) constraint failed" message, at the top or in <see cref="Details"/>).
    /// </summary>
    public bool IsUniquenessViolation => IsConflict || Code == 6
        || (IsBadRequest && (MentionsUnique(Detail) || Details.Any(d => d.Messages.Any(MentionsUnique))));

    /// <summary>One line: method, route template, status, and what Konnect said.</summary>
    public override string Message
    {
        get
        {
            if (Route.Length == 0)
            {
                return Detail ?? base.Message;
            }

            if (IsTimeout)
            {
                return $"Konnect {Method} {Route} did not answer in time";
            }

            var text = new StringBuilder()
                .Append("Konnect ").Append(Method).Append(' ').Append(Route)
                .Append(" failed: ").Append((int)StatusCode).Append(' ').Append(Title ?? StatusCode.ToString());
            if (!string.IsNullOrWhiteSpace(Detail) && !string.Equals(Detail, Title, StringComparison.OrdinalIgnoreCase))
            {
                text.Append(": ").Append(Detail);
            }

            if (InvalidParameters.Count > 0)
            {
                text.Append(" [").AppendJoin("; ", InvalidParameters.Select(p => p.Describe())).Append(']');
            }

            if (Details.Count > 0)
            {
                text.Append(" [").AppendJoin("; ", Details.Select(d => d.Describe())).Append(']');
            }

            if (RetryAfter is { } retryAfter)
            {
                text.Append(" (retry after ").Append(retryAfter.TotalSeconds).Append(" s)");
            }

            return OneLine(text.ToString());
        }
    }

    private static bool MentionsUnique(string? text) => text?.Contains("(type: unique)", StringComparison.Ordinal) ?? false;

    private static string OneLine(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= MaxMessageLength ? flat : string.Concat(flat.AsSpan(0, MaxMessageLength - 1), "…");
    }
}
