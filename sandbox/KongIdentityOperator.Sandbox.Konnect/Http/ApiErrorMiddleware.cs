using KongIdentityOperator.Sandbox.Konnect.CoreEntities;
using KongIdentityOperator.Sandbox.Konnect.Issuer;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>Turns the API exceptions thrown by handlers into their wire shapes.</summary>
internal sealed class ApiErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ProblemException problem) when (!context.Response.HasStarted)
        {
            await ErrorResponses.WriteProblemAsync(context, problem);
        }
        catch (CoreEntityException error) when (!context.Response.HasStarted)
        {
            await ErrorResponses.WriteCoreAsync(context, error);
        }
        catch (OAuthException error) when (!context.Response.HasStarted)
        {
            await ErrorResponses.WriteOAuthAsync(context, error);
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            await ErrorResponses.WriteAsync(context, error.StatusCode, "Bad Request", "Invalid request format");
        }
    }
}
