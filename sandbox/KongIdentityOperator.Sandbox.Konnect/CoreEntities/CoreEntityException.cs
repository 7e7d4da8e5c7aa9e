namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>Ends a core-entities call with Kong's gRPC-style error body or a <c>{"message"}</c> body.</summary>
internal sealed class CoreEntityException : Exception
{
    public CoreEntityException()
        : this(500, "internal error")
    {
    }

    public CoreEntityException(string message)
        : this(500, message)
    {
    }

    public CoreEntityException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
    }

    private CoreEntityException(int statusCode, string message, CoreErrorBody? error = null)
        : base(message)
    {
        StatusCode = statusCode;
        Error = error;
    }

    public int StatusCode { get; }

    /// <summary>The gRPC-style body, or null for a plain <c>{"message"}</c> body.</summary>
    public CoreErrorBody? Error { get; }

    public static CoreEntityException NotFound() => new(404, "Not Found");

    /// <summary>A 5xx with gRPC code 14 (UNAVAILABLE) for 503, else 13 (INTERNAL).</summary>
    public static CoreEntityException Server(int statusCode, string message) =>
        new(statusCode, message, new CoreErrorBody(statusCode == 503 ? 14 : 13, message, []));

    public static CoreEntityException Validation(IReadOnlyList<CoreErrorDetail> details) =>
        new(400, "validation error", new CoreErrorBody(3, "validation error", details));

    public static CoreEntityException Validation(string field, string message) =>
        Validation([CoreErrorDetail.FieldError(field, message)]);

    public static CoreEntityException Unique(string field, string value) =>
        new(400, "data constraint error", new CoreErrorBody(3, "data constraint error",
            [CoreErrorDetail.ReferenceError(field, $"{field} (type: unique) constraint failed for value '{value}': ")]));

    public static CoreEntityException Reference(string field, string message) =>
        new(400, "data constraint error", new CoreErrorBody(3, "data constraint error", [CoreErrorDetail.ReferenceError(field, message)]));

    public static CoreEntityException UsageConstraint(string message) =>
        new(403, "usage constraint error", new CoreErrorBody(7, "usage constraint error", [CoreErrorDetail.EntityError(message)]));
}
