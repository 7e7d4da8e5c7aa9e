using System.Collections.Concurrent;
using KongIdentityOperator.Chaos.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Chaos.Adversarial;

/// <summary>
/// A server an attacker controls: it records whatever reaches it (method, path, and the fingerprint of any Bearer
/// token) and answers every request the same way — by default like a friendly Konnect, so that an operator that did
/// call it would carry on and show it. The adversarial suite asserts that it receives nothing.
/// </summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests;

    private RecordingServer(WebApplication app, ConcurrentQueue<string> requests)
    {
        _app = app;
        _requests = requests;
    }

    public Uri BaseAddress { get; private init; } = new("http://127.0.0.1/");

    /// <summary>"METHOD /path token:fingerprint" of every request received.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <param name="answer">How to answer (default: 200 with an auth-server-like JSON body).</param>
    public static async Task<RecordingServer> StartAsync(CancellationToken cancellationToken, Func<HttpContext, Task>? answer = null)
    {
        var requests = new ConcurrentQueue<string>();
        var (app, address) = await LoopbackApp.StartAsync(
            async context =>
            {
                var header = context.Request.Headers.Authorization.ToString();
                var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? TokenFingerprint.Of(header[7..]) : "none";
                requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} token:{token}");
                await (answer ?? Friendly)(context);
            },
            cancellationToken);
        return new RecordingServer(app, requests) { BaseAddress = address };
    }

    /// <summary>Answers with a redirect to <paramref name="target"/> (same path), as a compromised allowed server might.</summary>
    public static Func<HttpContext, Task> RedirectTo(Uri target, int status = StatusCodes.Status307TemporaryRedirect) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = new Uri(target, context.Request.Path.Value!.TrimStart('/')).ToString();
        return Task.CompletedTask;
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static Task Friendly(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(
            """{"id":"6f1b1c1e-0000-4000-8000-000000000001","name":"recorded","audience":"x","description":"","signing_algorithm":"RS256","labels":{},"issuer":"http://recorded/auth","metadata_uri":"http://recorded/auth/.well-known/openid-configuration","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","data":[],"meta":{"page":{"number":1,"size":10,"total":0}}}""");
    }
}
