using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// Classifies API errors by HTTP code and <c>Status.reason</c>, so that a 409 Conflict (stale
/// <c>resourceVersion</c>) is told apart from a 409 AlreadyExists.
/// </summary>
public static class KubernetesErrors
{
    /// <summary>The HTTP status code of an API error (also of an in-stream watch ERROR), or null for other errors.</summary>
    public static int? StatusCode(this Exception exception) => exception switch
    {
        HttpOperationException { Response: not null } http => (int)http.Response.StatusCode,
        KubernetesException { Status.Code: not null } kubernetes => kubernetes.Status.Code,
        _ => null,
    };

    /// <summary>The <c>Status.reason</c> of an API error (for example <c>Conflict</c>, <c>AlreadyExists</c>, <c>Expired</c>).</summary>
    public static string? Reason(this Exception exception) => exception switch
    {
        HttpOperationException http => ReadStatus(http)?.Reason,
        KubernetesException kubernetes => kubernetes.Status?.Reason,
        _ => null,
    };

    public static bool IsNotFound(this Exception exception) => exception.StatusCode() == 404;

    /// <summary>A write was rejected because the object changed since it was read (409, reason not AlreadyExists).</summary>
    public static bool IsConflict(this Exception exception) =>
        exception.StatusCode() == 409 && exception.Reason() != "AlreadyExists";

    /// <summary>A create was rejected because the name is taken (409 AlreadyExists).</summary>
    public static bool IsAlreadyExists(this Exception exception) =>
        exception.StatusCode() == 409 && exception.Reason() == "AlreadyExists";

    /// <summary>A watch or list asked for a <c>resourceVersion</c> that is no longer kept (410 Gone / Expired).</summary>
    public static bool IsGone(this Exception exception) =>
        exception.StatusCode() == 410 || exception.Reason() is "Expired" or "Gone";

    private static V1Status? ReadStatus(HttpOperationException exception)
    {
        var content = exception.Response?.Content;
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return KubernetesJsonOptions.Deserialize<V1Status>(System.Text.Encoding.UTF8.GetBytes(content));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
