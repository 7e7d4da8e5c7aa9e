using KongIdentityOperator.Sandbox.Konnect.CoreEntities;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>401 for a missing or unknown Bearer token on <c>/v1</c> and <c>/v2</c> (problem+json, or Kong's body for core entities).</summary>
internal sealed class BearerAuthMiddleware(RequestDelegate next, BearerTokens tokens)
{
    public Task InvokeAsync(HttpContext context)
    {
        var kind = ApiKinds.Of(context.Request.Path);
        if (!kind.IsManagementApi())
        {
            return next(context);
        }

        var token = BearerTokens.Read(context.Request);
        if (token is not null && tokens.Accepts(token))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        var detail = token is null ? "A valid token is required" : "Invalid credentials";
        return kind == ApiKind.CoreEntities
            ? context.Response.WriteAsJsonAsync(new CoreMessageBody("Unauthorized") { Status = 401 }, EmulatorJsonContext.Default.CoreMessageBody, cancellationToken: context.RequestAborted)
            : ErrorResponses.WriteProblemAsync(context, new ProblemException(401, "Unauthorized", detail));
    }
}
