using System.Net.Sockets;

namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>
/// Whether a Docker engine answers, asked the way the Docker CLI does: <c>GET /_ping</c> over the engine's socket
/// (or <c>DOCKER_HOST</c>), with a short timeout. A socket file alone proves nothing: the daemon may not be running.
/// </summary>
public static class DockerEngine
{
    public const string DefaultSocket = "/var/run/docker.sock";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Why no engine can be used, or null when one answered the ping.</summary>
    public static Task<string?> UnavailableReasonAsync(CancellationToken cancellationToken) =>
        UnavailableReasonAsync(Environment.GetEnvironmentVariable("DOCKER_HOST"), DefaultSocket, DefaultTimeout, cancellationToken);

    public static async Task<string?> UnavailableReasonAsync(string? dockerHost, string defaultSocket, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(dockerHost))
        {
            return File.Exists(defaultSocket)
                ? await PingAsync(UnixHandler(defaultSocket), defaultSocket, timeout, cancellationToken)
                : $"no DOCKER_HOST and no {defaultSocket} on this machine";
        }

        if (dockerHost.StartsWith("unix://", StringComparison.Ordinal))
        {
            var socket = dockerHost["unix://".Length..];
            return File.Exists(socket)
                ? await PingAsync(UnixHandler(socket), socket, timeout, cancellationToken)
                : $"DOCKER_HOST names {socket}, which does not exist";
        }

        if (dockerHost.StartsWith("tcp://", StringComparison.Ordinal))
        {
            return await PingAsync(new SocketsHttpHandler(), dockerHost, timeout, cancellationToken, new Uri("http://" + dockerHost["tcp://".Length..]));
        }

        return $"DOCKER_HOST={dockerHost} is neither unix:// nor tcp://";
    }

    private static SocketsHttpHandler UnixHandler(string path) => new()
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private static async Task<string?> PingAsync(
        SocketsHttpHandler handler, string where, TimeSpan timeout, CancellationToken cancellationToken, Uri? baseAddress = null)
    {
        using var http = new HttpClient(handler) { BaseAddress = baseAddress ?? new Uri("http://docker/"), Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(new Uri("_ping", UriKind.Relative), deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return response.IsSuccessStatusCode && body.Trim() == "OK"
                ? null
                : $"the Docker engine at {where} answered /_ping with {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no Docker engine answered /_ping at {where} within {timeout.TotalSeconds:0.#}s";
        }
        catch (HttpRequestException e)
        {
            return $"no Docker engine answers at {where} ({e.InnerException?.Message ?? e.Message})";
        }
    }
}
