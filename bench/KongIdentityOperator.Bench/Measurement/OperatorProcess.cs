using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KongIdentityOperator.Bench.Measurement;

/// <summary>
/// The real operator executable as a child process, so that its CPU time and memory are its own. Its output goes
/// to a log file; its <c>/readyz</c> and <c>/metrics</c> are read over HTTP on a port chosen here.
/// </summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly HttpClient _http;

    private OperatorProcess(Process process, StreamWriter log, Uri endpoint, long startedAt)
    {
        _process = process;
        _log = log;
        _http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(10) };
        StartedAt = startedAt;
    }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the process was started.</summary>
    public long StartedAt { get; }

    public int Id => _process.Id;

    public static OperatorProcess Start(string operatorDll, string kubeconfig, Uri konnect, string logFile, IEnumerable<string> extraArguments)
    {
        var port = FreePort();
        // A .dll runs under dotnet; anything else (the Native AOT executable) runs as it is.
        var framework = operatorDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(framework ? "dotnet" : operatorDll)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (framework)
        {
            info.ArgumentList.Add(operatorDll);
        }

        foreach (var argument in (string[])["--kubeconfig", kubeconfig, "--konnect-server-url", konnect.ToString(), "--http-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--leader-elect=false"])
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var argument in extraArguments)
        {
            info.ArgumentList.Add(argument);
        }

        var log = new StreamWriter(logFile) { AutoFlush = true };
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the operator");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new OperatorProcess(process, log, new Uri($"http://127.0.0.1:{port}/"), startedAt);
    }

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

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        EnsureRunning();
        try
        {
            using var response = await _http.GetAsync(new Uri("readyz", UriKind.Relative), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task<OperatorMetrics> ScrapeAsync(CancellationToken cancellationToken)
    {
        EnsureRunning();
        return OperatorMetrics.Parse(await _http.GetStringAsync(new Uri("metrics", UriKind.Relative), cancellationToken));
    }

    /// <summary>Waits until <c>/readyz</c> answers 200 (caches synced); polls every 5 ms.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!await IsReadyAsync(cancellationToken))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("the operator did not become ready");
            }

            await Task.Delay(5, cancellationToken);
        }

        return Stopwatch.GetElapsedTime(StartedAt);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM-like stop first would be kinder; the bench only needs it gone.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        _http.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private void EnsureRunning()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"the operator exited with code {_process.ExitCode}; see its log");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process ended; its last lines are already in the file.
            }
        }
    }
}
