using System.Net.Sockets;
using System.Text;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Unit.Harness;

/// <summary>The Docker probe against fake engine sockets: only an engine that answers <c>/_ping</c> counts.</summary>
public sealed class DockerEngineTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly string _directory = Directory.CreateTempSubdirectory("docker-probe-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string SocketPath => Path.Combine(_directory, "docker.sock");

    [Fact]
    public async Task No_socket_file_is_a_reason()
    {
        var reason = await DockerEngine.UnavailableReasonAsync(null, SocketPath, Timeout, Ct);

        Assert.Equal($"no DOCKER_HOST and no {SocketPath} on this machine", reason);
    }

    [Fact]
    public async Task A_socket_file_without_a_running_daemon_is_a_reason()
    {
        // Bound but not listening: the socket file is there and every connection is refused, as when the daemon is down.
        using var stale = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        stale.Bind(new UnixDomainSocketEndPoint(SocketPath));

        Assert.True(File.Exists(SocketPath));
        var reason = await DockerEngine.UnavailableReasonAsync(null, SocketPath, Timeout, Ct);

        Assert.NotNull(reason);
        Assert.StartsWith($"no Docker engine answers at {SocketPath}", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listener_that_never_answers_is_a_reason_after_the_timeout()
    {
        using var listener = Listen();
        var accepted = listener.AcceptAsync(Ct);

        var reason = await DockerEngine.UnavailableReasonAsync(null, SocketPath, TimeSpan.FromMilliseconds(300), Ct);

        Assert.Equal($"no Docker engine answered /_ping at {SocketPath} within 0.3s", reason);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task An_engine_that_answers_the_ping_is_available()
    {
        using var listener = Listen();
        var engine = AnswerOnceAsync(listener, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nOK");

        var reason = await DockerEngine.UnavailableReasonAsync(null, SocketPath, Timeout, Ct);

        Assert.Null(reason);
        Assert.StartsWith("GET /_ping HTTP/1.1", await engine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_that_refuses_the_ping_is_a_reason()
    {
        using var listener = Listen();
        var engine = AnswerOnceAsync(listener, "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n");

        var reason = await DockerEngine.UnavailableReasonAsync($"unix://{SocketPath}", "/nonexistent", Timeout, Ct);

        Assert.Equal($"the Docker engine at {SocketPath} answered /_ping with 500", reason);
        await engine;
    }

    [Fact]
    public async Task A_plain_file_in_place_of_the_socket_is_a_reason()
    {
        await File.WriteAllTextAsync(SocketPath, string.Empty, Ct);

        var reason = await DockerEngine.UnavailableReasonAsync(null, SocketPath, Timeout, Ct);

        Assert.StartsWith($"no Docker engine answers at {SocketPath}", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_DOCKER_HOST_socket_that_does_not_exist_is_a_reason() =>
        Assert.Equal(
            $"DOCKER_HOST names {SocketPath}, which does not exist",
            await DockerEngine.UnavailableReasonAsync($"unix://{SocketPath}", "/nonexistent", Timeout, Ct));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Socket Listen()
    {
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        listener.Listen();
        return listener;
    }

    /// <summary>Accepts one connection, reads the request head, writes <paramref name="response"/>; returns the request.</summary>
    private static async Task<string> AnswerOnceAsync(Socket listener, string response)
    {
        using var connection = await listener.AcceptAsync(Ct);
        var request = new StringBuilder();
        var buffer = new byte[1024];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await connection.ReceiveAsync(buffer, Ct);
            if (read == 0)
            {
                break;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await connection.SendAsync(Encoding.ASCII.GetBytes(response), Ct);
        connection.Shutdown(SocketShutdown.Send);
        return request.ToString();
    }
}
