using System.Net;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Runtime.Hosting;

/// <summary>
/// A small Kestrel server beside the operator for probes and scraping: <c>/healthz</c> (not stuck: see <see cref="Liveness"/>),
/// <c>/readyz</c> (caches synced) and <c>/metrics</c> (Prometheus text).
/// </summary>
internal sealed class EndpointHostedService(
    OperatorSettings settings,
    Readiness readiness,
    Liveness liveness,
    MetricsRegistry metrics,
    ProcessMetrics processMetrics,
    OperatorEndpoints endpoints) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Endpoints.Enabled)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Parse(settings.Endpoints.BindAddress), settings.Endpoints.Port));
        var app = builder.Build();
        // RequestDelegate handlers: no reflection-built delegates, so the endpoint works in a Native AOT build.
        app.MapGet("/healthz", context => liveness.Problems() is { Count: > 0 } problems
            ? Text(context, $"stuck: {string.Join("; ", problems)}", StatusCodes.Status503ServiceUnavailable)
            : Text(context, "ok"));
        app.MapGet("/readyz", context => readiness.IsReady
            ? Text(context, "ok")
            : Text(context, $"caches not synced: {string.Join(", ", readiness.Unsynced)}", StatusCodes.Status503ServiceUnavailable));
        _ = processMetrics; // Created with the endpoint so that its series are collected with the rest.
        app.MapGet("/metrics", async context =>
        {
            context.Response.ContentType = MetricsRegistry.ContentType;
            await metrics.WriteToAsync(context.Response.Body, context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        _app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        endpoints.BaseAddress = address is null ? null : new Uri(address);
    }

    private static Task Text(HttpContext context, string body, int status = StatusCodes.Status200OK, string contentType = "text/plain; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is null)
        {
            return;
        }

        try
        {
            await _app.StopAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Out of shutdown time: open scrapes are cut off, which is fine for probes and metrics.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
