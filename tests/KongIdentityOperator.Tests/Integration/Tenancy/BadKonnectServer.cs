using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KongIdentityOperator.Tests.Integration.Tenancy;

/// <summary>
/// A Konnect server gone bad, on loopback: <see cref="BadKonnectBehavior.Hang"/> accepts connections and reads the
/// requests but never answers; <see cref="BadKonnectBehavior.RateLimit"/> answers every request with 429 and a
/// Retry-After of ten minutes. It counts what it saw, so tests can compare calls rather than time.
/// </summary>
internal sealed class BadKonnectServer : IAsyncDisposable
{
    public const int RetryAfterSeconds = 600;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly BadKonnectBehavior _behavior;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Lock _lock = new();
    private readonly Task _accepting;
    private int _connections;
    private int _requests;
    private int _answered;

    public BadKonnectServer(BadKonnectBehavior behavior)
    {
        _behavior = behavior;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = Task.Run(AcceptAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>TCP connections accepted.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Requests read (their headers complete).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests answered (only <see cref="BadKonnectBehavior.RateLimit"/> answers).</summary>
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>Connections the client has not closed yet.</summary>
    public int Open
    {
        get
        {
            lock (_lock)
            {
                return _held.Count(c => c.Connected && !IsClosedByPeer(c));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        lock (_lock)
        {
            foreach (var client in _held)
            {
                client.Dispose();
            }
        }

        _stop.Dispose();
    }

    private static bool IsClosedByPeer(TcpClient client)
    {
        try
        {
            return client.Client.Poll(0, SelectMode.SelectRead) && client.Client.Available == 0;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            lock (_lock)
            {
                _held.Add(client);
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            while (!_stop.IsCancellationRequested && await ReadRequestAsync(stream))
            {
                Interlocked.Increment(ref _requests);
                if (_behavior == BadKonnectBehavior.Hang)
                {
                    // Never answer; the connection stays open until the client gives up or the test ends.
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }

                const string Body = "{\"status\":429,\"title\":\"Rate limited\"}";
                var answer = Encoding.ASCII.GetBytes(
                    "HTTP/1.1 429 Too Many Requests\r\n"
                    + $"Retry-After: {RetryAfterSeconds}\r\n"
                    + "Content-Type: application/problem+json\r\n"
                    + $"Content-Length: {Body.Length}\r\n\r\n"
                    + Body);
                await stream.WriteAsync(answer, _stop.Token);
                Interlocked.Increment(ref _answered);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // The test ended or the client went away.
        }
    }

    /// <summary>Reads one request (headers, and a body of Content-Length); false when the client closed.</summary>
    private async Task<bool> ReadRequestAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return false;
            }

            head.Append((char)one[0]);
        }

        var length = head.ToString().Split("\r\n")
            .Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(body.AsMemory(read), _stop.Token);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
