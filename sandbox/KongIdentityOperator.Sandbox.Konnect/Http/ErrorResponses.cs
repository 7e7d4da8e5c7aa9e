using System.Globalization;
using KongIdentityOperator.Sandbox.Konnect.CoreEntities;
using KongIdentityOperator.Sandbox.Konnect.Issuer;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>Writes errors in the shape each API family uses.</summary>
internal static class ErrorResponses
{
    public const string ProblemContentType = "application/problem+json";

    public static Task WriteProblemAsync(HttpContext context, ProblemException problem)
    {
        context.Response.StatusCode = problem.Status;
        return context.Response.WriteAsJsonAsync(problem.ToBody(), EmulatorJsonContext.Default.ProblemBody, ProblemContentType, context.RequestAborted);
    }

    public static Task WriteCoreAsync(HttpContext context, CoreEntityException error)
    {
        context.Response.StatusCode = error.StatusCode;
        return error.Error is null
            ? context.Response.WriteAsJsonAsync(new CoreMessageBody(error.Message), EmulatorJsonContext.Default.CoreMessageBody, cancellationToken: context.RequestAborted)
            : context.Response.WriteAsJsonAsync(error.Error, EmulatorJsonContext.Default.CoreErrorBody, cancellationToken: context.RequestAborted);
    }

    public static Task WriteOAuthAsync(HttpContext context, OAuthException error)
    {
        context.Response.StatusCode = error.Status;
        context.Response.Headers.CacheControl = "no-store";
        if (error.RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        if (error.BasicChallenge)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"konnect-emulator\"";
        }

        return context.Response.WriteAsJsonAsync(new OAuthErrorBody(error.Error, error.Message), EmulatorJsonContext.Default.OAuthErrorBody, cancellationToken: context.RequestAborted);
    }

    /// <summary>An error of the given status in the shape of the request's API family.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail) => ApiKinds.Of(context.Request.Path) switch
    {
        ApiKind.CoreEntities => WriteCoreAsync(context, status == StatusCodes.Status404NotFound
            ? CoreEntityException.NotFound()
            : CoreEntityException.Server(status, detail)),
        ApiKind.Issuer => WriteOAuthAsync(context, new OAuthException(status, status >= 500 ? "server_error" : "invalid_request", detail)),
        _ => WriteProblemAsync(context, new ProblemException(status, title, detail)),
    };
}
