namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>Ends a Konnect-native API call with a problem+json response.</summary>
internal sealed class ProblemException : Exception
{
    /// <summary>How every limit error's detail starts, so callers can tell a limit from a permission problem.</summary>
    public const string LimitExceededPrefix = "Limit exceeded: ";

    public ProblemException()
        : this(500, "Internal Server Error", "Internal Server Error")
    {
    }

    public ProblemException(string message)
        : this(500, "Internal Server Error", message)
    {
    }

    public ProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Title = "Internal Server Error";
    }

    public ProblemException(int status, string title, string detail, IReadOnlyList<InvalidParameter>? invalidParameters = null)
        : base(detail)
    {
        Status = status;
        Title = title;
        InvalidParameters = invalidParameters;
    }

    public int Status { get; }

    public string Title { get; } = "Internal Server Error";

    public IReadOnlyList<InvalidParameter>? InvalidParameters { get; }

    public static ProblemException BadRequest(string detail, IReadOnlyList<InvalidParameter> invalidParameters) =>
        new(400, "Bad Request", detail, invalidParameters);

    public static ProblemException BadRequest(InvalidParameter invalidParameter) =>
        new(400, "Bad Request", "Invalid request", [invalidParameter]);

    public static ProblemException NotFound(string detail = "Not Found") => new(404, "Not Found", detail);

    public static ProblemException Conflict(string detail) => new(409, "Conflict", detail);

    public static ProblemException Forbidden(string detail) => new(403, "Forbidden", detail);

    /// <summary>
    /// A documented limit was hit. Konnect's answer for this is unconfirmed (the spec lists a 403 only on
    /// POST …/secrets), so every create limit answers the same 403 problem.
    /// </summary>
    public static ProblemException LimitExceeded(string limit) => Forbidden(LimitExceededPrefix + limit);

    public ProblemBody ToBody() => new(Status, Title, $"https://httpstatuses.com/{Status}", TraceIds.New(), Message)
    {
        InvalidParameters = InvalidParameters,
    };
}
