namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>Validates ids taken from the URL path (a malformed uuid is a 400, not a 404).</summary>
internal static class PathIds
{
    public static Guid Uuid(string value, string parameterName)
    {
        if (Guid.TryParseExact(value, "D", out var id))
        {
            return id;
        }

        throw ProblemException.BadRequest("Request contains invalid ID format", [InvalidParameter.Uuid(parameterName) with { Source = "path" }]);
    }
}
