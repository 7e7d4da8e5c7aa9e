using KongIdentityOperator.Sandbox.KubeApi.Errors;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>
/// A list's options (resourceVersion, resourceVersionMatch, limit, continue), parsed and validated as
/// apimachinery's ValidateListOptions does: a bad integer is 400, a forbidden combination 422 on ListOptions.
/// </summary>
internal sealed record ListRequest(string ResourceVersion, string Match, long Limit, string Continue)
{
    public const string Exact = "Exact";
    public const string NotOlderThan = "NotOlderThan";

    public static ListRequest Parse(IQueryCollection query)
    {
        var request = new ListRequest(
            QueryParameters.String(query, "resourceVersion"),
            QueryParameters.String(query, "resourceVersionMatch"),
            QueryParameters.Int64(query, "limit") ?? 0,
            QueryParameters.String(query, "continue"));
        var errors = new List<FieldError>();
        if (request.Match.Length > 0)
        {
            if (request.ResourceVersion.Length == 0)
            {
                errors.Add(Forbidden("resourceVersionMatch is forbidden unless resourceVersion is provided"));
            }

            if (request.Continue.Length > 0)
            {
                errors.Add(Forbidden("resourceVersionMatch is forbidden when continue is provided"));
            }

            if (request.Match is not (Exact or NotOlderThan))
            {
                errors.Add(new FieldError(
                    FieldError.NotSupported,
                    "resourceVersionMatch",
                    $"Unsupported value: {QueryParameters.Quote(request.Match)}: supported values: \"Exact\", \"NotOlderThan\", \"\""));
            }

            if (request.Match == Exact && request.ResourceVersion == "0")
            {
                errors.Add(Forbidden("resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""));
            }
        }

        if (query.ContainsKey("sendInitialEvents"))
        {
            errors.Add(new FieldError(FieldError.Forbidden, "sendInitialEvents", "Forbidden: sendInitialEvents is forbidden for list"));
        }

        if (errors.Count > 0)
        {
            throw ApiErrors.InvalidOptions("ListOptions", errors);
        }

        if (request.Continue.Length > 0 && request.ResourceVersion is not ("" or "0"))
        {
            throw ApiErrors.BadRequest("specifying resource version is not allowed when using continue");
        }

        return request;
    }

    /// <summary>The watch rules of ValidateListOptions (with the WatchList feature on, as in 1.32).</summary>
    public static void ValidateWatch(IQueryCollection query, bool? sendInitialEvents)
    {
        var match = QueryParameters.String(query, "resourceVersionMatch");
        var errors = new List<FieldError>();
        if (sendInitialEvents is not null && match != NotOlderThan)
        {
            errors.Add(Forbidden("sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"));
        }

        if (match.Length > 0)
        {
            if (sendInitialEvents is null)
            {
                errors.Add(Forbidden("resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"));
            }

            if (match != NotOlderThan)
            {
                errors.Add(new FieldError(
                    FieldError.NotSupported,
                    "resourceVersionMatch",
                    $"Unsupported value: {QueryParameters.Quote(match)}: supported values: \"NotOlderThan\""));
            }

            if (QueryParameters.String(query, "continue").Length > 0)
            {
                errors.Add(Forbidden("resourceVersionMatch is forbidden when continue is provided"));
            }
        }

        if (errors.Count > 0)
        {
            throw ApiErrors.InvalidOptions("ListOptions", errors);
        }
    }

    private static FieldError Forbidden(string detail) => new(FieldError.Forbidden, "resourceVersionMatch", $"Forbidden: {detail}");
}
