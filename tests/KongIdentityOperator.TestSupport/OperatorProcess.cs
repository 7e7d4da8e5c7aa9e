using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace KongIdentityOperator.TestSupport;

/// <summary>
/// The real operator executable as a child process, so that its CPU time and memory are its own and a kill is real:
/// <see cref="KillAsync"/> is a SIGKILL on Linux, after which nothing in the operator runs. Its stdout and stderr are
/// appended to a log file; <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> are read over HTTP on the given port.
/// </summary>
public sealed class OperatorProcess : IAsyncDisposable
{
    /// <summary>The operator's flags as environment variables: the caller's own environment must not leak into a child.</summary>
    private static readonly string[] InheritedOptionVariables =
    [
        "KUBECONFIG", "WATCH_NAMESPACES", "KONNECT_SERVER_URL", "ALLOWED_KONNECT_SERVERS", "KONNECT_TOKEN", "KONNECT_TOKEN_FILE",
        "DEFAULT_TOKEN_NAMESPACES", "KONNECT_REGION", "KONNECT_RATE_LIMIT",
        "RESYNC_PERIOD", "MAX_CONCURRENT_RECONCILES", "HTTP_PORT", "LEADER_ELECT", "LEADER_ELECTION_NAMESPACE", "POD_NAMESPACE",
    ];

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };

    private readonly Process _process;
    private readonly LineLog _log;
    private bool _disposed;

    private OperatorProcess(Process process, LineLog log, Uri endpoint, string logFile, long startedAt)
    {
        _process = process;
        _log = log;
        Endpoint = endpoint;
        LogFile = logFile;
        StartedAt = startedAt;
    }

    public int Id => _process.Id;

    /// <summary>Base address of <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.</summary>
    public Uri Endpoint { get; }

    public string LogFile { get; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the process was started.</summary>
    public long StartedAt { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once the process has exited, else null.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>User + system CPU time so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Resident set size now (VmRSS).</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Peak resident set size since start (VmHWM).</summary>
    public long PeakWorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    public static OperatorProcess Start(OperatorStart start)
    {
        ArgumentNullException.ThrowIfNull(start);

        // A .dll runs under dotnet; anything else (the Native AOT executable of make publish-aot) runs as it is.
        var executable = start.Arguments[0];
        var framework = executable.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(framework ? "dotnet" : executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in framework ? start.Arguments : start.Arguments.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedOptionVariables)
        {
            info.Environment.Remove(name);
        }

        foreach (var (key, value) in start.Environment)
        {
            info.Environment[key] = value;
        }

        var log = new LineLog(start.LogFile);
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start");
        var started = new OperatorProcess(process, log, new Uri($"http://127.0.0.1:{start.HttpPort}/"), start.LogFile, startedAt);
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        log.Write($"### started pid {process.Id}, endpoint port {start.HttpPort}");
        return started;

        void Write(string? line)
        {
            log.Write(line);
            if (line is not null)
            {
                start.Output?.Invoke(line);
            }
        }
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

    /// <summary>Polls <paramref name="path"/> until it answers 200; false when the process exits or the time is up first.</summary>
    public async Task<bool> WaitUntilOkAsync(string path, TimeSpan timeout, TimeSpan interval, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                return false;
            }

            if (await GetAsync(path, cancellationToken) is { Status: HttpStatusCode.OK })
            {
                return true;
            }

            await Task.Delay(interval, cancellationToken);
        }

        return false;
    }

    /// <summary>
    /// Starts the operator on a free port (<paramref name="start"/> builds the start for that port) and waits until
    /// <paramref name="path"/> answers 200. A child that exits first, its port taken in between, is started again on
    /// another, up to three attempts. Null when none became ready; the failed children are disposed.
    /// </summary>
    public static async Task<OperatorProcess?> StartUntilOkAsync(
        Func<int, OperatorStart> start, string path, TimeSpan timeout, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        for (var attempt = 1; ; attempt++)
        {
            var process = Start(start(FreePort.Next()));
            if (await process.WaitUntilOkAsync(path, timeout, interval, cancellationToken))
            {
                return process;
            }

            var exited = process.HasExited;
            await process.DisposeAsync();
            if (!exited || attempt == 3)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// SIGTERM, as Kubernetes stops a pod, then wait for the graceful exit; SIGKILL when it outlives
    /// <paramref name="timeout"/>. True when the process ended on its own.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        if (_disposed || _process.HasExited)
        {
            await KillAsync();
            return true;
        }

        await ChildProcess.RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await KillAsync();
            return false;
        }

        await KillAsync();
        return true;
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
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
        _log.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _disposed = true;
        _process.Dispose();
    }

    /// <summary>The last lines of a log file that may still be written to.</summary>
    public static string Tail(string file, int lines = 30)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(log unreadable: {e.Message})";
        }
    }
}
