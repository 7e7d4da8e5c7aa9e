using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Errors;

/// <summary>
/// A failure that the server answers with a <c>Status</c> body and the matching HTTP code, like apimachinery's
/// StatusError. Messages never carry object contents, so secret values cannot leak through them.
/// </summary>
internal sealed class StatusException : Exception
{
    public StatusException(int code, string reason, string message, StatusDetails? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public StatusException()
        : this(500, StatusReasons.InternalError, "internal error")
    {
    }

    public StatusException(string message)
        : this(500, StatusReasons.InternalError, message)
    {
    }

    public StatusException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 500;
        Reason = StatusReasons.InternalError;
    }

    public int Code { get; }

    public string Reason { get; }

    public StatusDetails? Details { get; }

    /// <summary>A continue token offered in the Status's list metadata (an expired paged list's way forward).</summary>
    public string? ContinueToken { get; init; }

    /// <summary>The <c>meta/v1 Status</c> body for this failure.</summary>
    public JsonObject ToStatus()
    {
        var status = StatusBodies.Failure(Code, Reason, Message, Details);
        if (ContinueToken is not null)
        {
            status["metadata"] = new JsonObject { ["continue"] = ContinueToken };
        }

        return status;
    }
}
