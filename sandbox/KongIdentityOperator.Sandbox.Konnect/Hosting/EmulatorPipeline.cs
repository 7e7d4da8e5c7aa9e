using KongIdentityOperator.Sandbox.Konnect.ControlPlanes;
using KongIdentityOperator.Sandbox.Konnect.CoreEntities;
using KongIdentityOperator.Sandbox.Konnect.Faults;
using KongIdentityOperator.Sandbox.Konnect.Hooks;
using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.Identity;
using KongIdentityOperator.Sandbox.Konnect.Issuer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.Konnect.Hosting;

/// <summary>Middleware order: routing → counting → error shapes → Bearer auth → faults → endpoints → 404.</summary>
internal static class EmulatorPipeline
{
    public static void Configure(WebApplication app)
    {
        app.UseRouting();
        app.UseMiddleware<RequestCountingMiddleware>();
        app.UseMiddleware<ApiErrorMiddleware>();
        app.UseMiddleware<BearerAuthMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        AuthServerEndpoints.Map(app);
        ScopeEndpoints.Map(app);
        ClaimEndpoints.Map(app);
        ClientEndpoints.Map(app);
        ClientSecretEndpoints.Map(app);
        ClientTokenEndpoints.Map(app);
        ControlPlaneEndpoints.Map(app);
        ServiceEndpoints.Map(app);
        RouteEndpoints.Map(app);
        PluginEndpoints.Map(app);
        IssuerEndpoints.Map(app);
        HookEndpoints.Map(app);
        app.MapFallback(context => ErrorResponses.WriteAsync(context, StatusCodes.Status404NotFound, "Not Found", "Not Found"));
    }
}
