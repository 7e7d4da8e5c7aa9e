using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Chaos.Harness;

/// <summary>
/// A recording pass-through in front of the Konnect emulator or the API server: every call with its method, path,
/// token fingerprint, status and duration, optionally held back first. The emulator counts by route template only;
/// the tap lets the suite attribute calls to one object (by the token of its namespace) and see the faults met. In
/// front of the API server, holding back one kind's list makes an informer sync late, on purpose.
/// </summary>
internal sealed class HttpTap : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Func<HttpRequest, TimeSpan> _holdBack;
    private readonly ConcurrentQueue<TappedCall> _calls = new();

    private HttpTap(WebApplication app, HttpClient upstream, Func<HttpRequest, TimeSpan> holdBack)
    {
        _app = app;
        _upstream = upstream;
        _holdBack = holdBack;
    }

    public Uri BaseAddress { get; private init; } = new("http://127.0.0.1/");

    public IReadOnlyList<TappedCall> Calls => [.. _calls];

    /// <param name="holdBack">How long to hold a request before forwarding it (default: not at all).</param>
    public static async Task<HttpTap> StartAsync(Uri upstream, CancellationToken cancellationToken, Func<HttpRequest, TimeSpan>? holdBack = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = upstream,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        HttpTap? tap = null;
        var (app, address) = await LoopbackApp.StartAsync(context => tap!.ForwardAsync(context), cancellationToken);
        tap = new HttpTap(app, client, holdBack ?? (_ => TimeSpan.Zero)) { BaseAddress = address };
        return tap;
    }

    /// <summary>A kubeconfig that sends a client (the operator) through this tap to the API server behind it.</summary>
    public void WriteKubeconfig(string path) => File.WriteAllText(path, $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: tap
          cluster:
            server: {BaseAddress.ToString().TrimEnd('/')}
        users:
        - name: tap
          user:
            token: sandbox-token
        contexts:
        - name: tap
          context:
            cluster: tap
            user: tap
            namespace: default
        current-context: tap
        """);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var incoming = context.Request;
        var status = 0;
        try
        {
            if (_holdBack(incoming) is { } delay && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), incoming.Path.Value!.TrimStart('/') + incoming.QueryString.Value);
            if (incoming.ContentLength > 0 || incoming.Headers.ContainsKey("Transfer-Encoding"))
            {
                request.Content = new StreamContent(incoming.Body);
            }

            foreach (var (name, values) in incoming.Headers)
            {
                if (!HopHeaders.Contains(name) && !request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                {
                    request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
                }
            }

            using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            status = (int)response.StatusCode;
            context.Response.StatusCode = status;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopHeaders.Contains(name))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller gave up (or was killed); it still counts as a call it made.
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            // Same, noticed while copying a streamed body (a watch).
        }
        finally
        {
            _calls.Enqueue(new TappedCall(
                DateTimeOffset.UtcNow, incoming.Method, incoming.Path.Value!, incoming.QueryString.Value ?? string.Empty, Fingerprint(incoming), status, Stopwatch.GetElapsedTime(started)));
        }
    }

    private static string Fingerprint(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { Length: > 7 } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? TokenFingerprint.Of(header[7..])
            : string.Empty;
}
