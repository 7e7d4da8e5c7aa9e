using System.Diagnostics;
using System.Net;

namespace KongIdentityOperator.Chaos.Harness;

/// <summary>
/// The real operator executable as a child process, its stdout and stderr appended to a log file. <see cref="Kill"/>
/// is a real SIGKILL (<see cref="Process.Kill()"/> on Linux): nothing in the operator gets to run after it.
/// </summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    /// <summary>The operator's flags as environment variables: the suite's own environment must not leak into a child.</summary>
    private static readonly string[] InheritedOptionVariables =
    [
        "KUBECONFIG", "WATCH_NAMESPACES", "KONNECT_SERVER_URL", "ALLOWED_KONNECT_SERVERS", "KONNECT_TOKEN", "KONNECT_TOKEN_FILE",
        "DEFAULT_TOKEN_NAMESPACES", "KONNECT_REGION", "KONNECT_RATE_LIMIT",
        "RESYNC_PERIOD", "MAX_CONCURRENT_RECONCILES", "HTTP_PORT", "LEADER_ELECT", "LEADER_ELECTION_NAMESPACE", "POD_NAMESPACE",
    ];

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logGate = new();
    private bool _disposed;

    private OperatorProcess(Process process, StreamWriter log, Uri endpoint, string logFile)
    {
        _process = process;
        _log = log;
        Endpoint = endpoint;
        LogFile = logFile;
    }

    public int Pid => _process.Id;

    /// <summary>Base address of <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.</summary>
    public Uri Endpoint { get; }

    public string LogFile { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the operator and waits until its HTTP endpoint answers (a port taken in between is retried).</summary>
    public static async Task<OperatorProcess> StartAsync(OperatorLaunch launch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = Launch(launch, FreePort.Next());
            if (await started.WaitUntilServingAsync(TimeSpan.FromSeconds(90), cancellationToken))
            {
                return started;
            }

            await started.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"The operator did not start; last lines of {launch.LogFile}:\n{Tail(launch.LogFile)}");
            }
        }
    }

    /// <summary>SIGKILL, then wait until the process is gone and its last output is in the log.</summary>
    public async Task KillAsync()
    {
        if (_disposed)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync(CancellationToken.None);
        CloseLog();
    }

    /// <summary>GET one of the operator's endpoints; null when it does not answer.</summary>
    public async Task<(HttpStatusCode Status, string Body)?> GetAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(Endpoint, path), cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _disposed = true;
        _process.Dispose();
    }

    private static OperatorProcess Launch(OperatorLaunch launch, int port)
    {
        var (fileName, prefix) = OperatorBinary.Command;
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix.Concat(launch.Arguments(port)))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedOptionVariables)
        {
            info.Environment.Remove(name);
        }

        // Debug logs too, so that the no-secrets scan sees everything the operator can say.
        info.Environment["Logging__LogLevel__Default"] = "Debug";
        foreach (var (key, value) in launch.Environment)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(launch.LogFile, append: true) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start");
        var started = new OperatorProcess(process, log, new Uri($"http://127.0.0.1:{port}/"), launch.LogFile);
        process.OutputDataReceived += (_, e) => started.Write(e.Data);
        process.ErrorDataReceived += (_, e) => started.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        started.Write($"### chaos suite: started pid {process.Id}, endpoint port {port}");
        return started;
    }

    private async Task<bool> WaitUntilServingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                return false;
            }

            if (await GetAsync("healthz", cancellationToken) is { Status: HttpStatusCode.OK })
            {
                return true;
            }

            await Task.Delay(200, cancellationToken);
        }

        return false;
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process is gone and its log closed; nothing more can arrive.
            }
        }
    }

    private void CloseLog()
    {
        lock (_logGate)
        {
            _log.Dispose();
        }
    }

    private static string Tail(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(30));
        }
        catch (IOException e)
        {
            return $"(log unreadable: {e.Message})";
        }
    }
}
