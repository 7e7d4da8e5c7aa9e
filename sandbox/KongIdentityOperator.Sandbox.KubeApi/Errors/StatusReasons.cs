namespace KongIdentityOperator.Sandbox.KubeApi.Errors;

/// <summary>The <c>reason</c> values clients switch on (apimachinery's StatusReason).</summary>
internal static class StatusReasons
{
    public const string NotFound = "NotFound";
    public const string AlreadyExists = "AlreadyExists";
    public const string Conflict = "Conflict";
    public const string Invalid = "Invalid";
    public const string BadRequest = "BadRequest";
    public const string Expired = "Expired";
    public const string Gone = "Gone";
    public const string UnsupportedMediaType = "UnsupportedMediaType";
    public const string TooManyRequests = "TooManyRequests";
    public const string MethodNotAllowed = "MethodNotAllowed";
    public const string NotAcceptable = "NotAcceptable";
    public const string Forbidden = "Forbidden";
    public const string InternalError = "InternalError";
    public const string ServiceUnavailable = "ServiceUnavailable";
    public const string Timeout = "Timeout";
    public const string RequestEntityTooLarge = "RequestEntityTooLarge";

    /// <summary>The reason the real server uses for a bare HTTP status code.</summary>
    public static string ForCode(int code) => code switch
    {
        400 => BadRequest,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        406 => NotAcceptable,
        409 => Conflict,
        410 => Gone,
        413 => RequestEntityTooLarge,
        415 => UnsupportedMediaType,
        422 => Invalid,
        429 => TooManyRequests,
        503 => ServiceUnavailable,
        504 => Timeout,
        _ => InternalError,
    };
}
