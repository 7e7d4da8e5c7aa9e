using System.Text.Json;
using KongIdentityOperator.Sandbox.Konnect.Faults;
using KongIdentityOperator.Sandbox.Konnect.Hosting;
using KongIdentityOperator.Sandbox.Konnect.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KongIdentityOperator.Sandbox.Konnect.Hooks;

/// <summary>Test hooks under <c>/_emulator</c>: no token needed, never faulted, never counted.</summary>
internal static class HookEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/_emulator");
        group.MapGet("/faults", (FaultInjector faults) => Results.Json(faults.Current, HookJsonContext.Default.EmulatorFaults));
        group.MapPost("/faults", SetFaultsAsync);
        group.MapGet("/requests", (EmulatorRequestLog log) =>
            Results.Json(new RequestCounts(log.Total, log.ByRoute, log.ByStatus), HookJsonContext.Default.RequestCounts));
        group.MapPost("/reset", (EmulatorReset reset) =>
        {
            reset.Reset();
            return Results.NoContent();
        });
        group.MapGet("/state", (SnapshotBuilder snapshots) =>
            Results.Json(snapshots.Build(redactPluginSecrets: true), HookJsonContext.Default.EmulatorSnapshot));
    }

    private static async Task<IResult> SetFaultsAsync(HttpRequest request, FaultInjector faults, CancellationToken cancellationToken)
    {
        EmulatorFaults? settings;
        try
        {
            settings = (await JsonSerializer.DeserializeAsync(request.Body, HookJsonContext.Default.FaultSettings, cancellationToken))?.ToFaults();
        }
        catch (JsonException exception)
        {
            return Results.Json(new HookError([exception.Message]), HookJsonContext.Default.HookError, statusCode: StatusCodes.Status400BadRequest);
        }

        var errors = settings?.Validate() ?? ["a JSON object is required"];
        if (errors.Count > 0)
        {
            return Results.Json(new HookError(errors), HookJsonContext.Default.HookError, statusCode: StatusCodes.Status400BadRequest);
        }

        faults.Set(settings!);
        return Results.Json(faults.Current, HookJsonContext.Default.EmulatorFaults);
    }
}
