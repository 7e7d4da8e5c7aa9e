using System.Collections.Concurrent;
using System.Diagnostics;
using KongIdentityOperator.Tests.Integration.Harness;
using KongIdentityOperator.TestSupport;

namespace KongIdentityOperator.Tests.Live;

/// <summary>
/// <c>scripts/e2e-live</c> (what <c>make e2e-live</c> runs) as a child process on this test assembly, with exactly the
/// variables given: none of the Konnect or cluster variables of the machine leak in.
/// </summary>
internal sealed class SuiteEntry : IDisposable
{
    /// <summary>What the suite needs of this process's environment, and the operator build to run (<c>make e2e-binary</c>).</summary>
    private static readonly string[] Inherited =
        ["PATH", "HOME", "DOTNET_ROOT", "DOTNET_CLI_HOME", "DOTNET_NOLOGO", "TMPDIR", OperatorBinary.Variable, OperatorFolder.ArtifactsVariable];

    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Process _process;

    private SuiteEntry(Process process) => _process = process;

    public string Output => string.Join('\n', _lines);

    public int Id => _process.Id;

    public static SuiteEntry Start(IReadOnlyDictionary<string, string> variables, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryRoot.Combine("scripts", "e2e-live"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["E2E_TEST_ASSEMBLY"] = typeof(SuiteEntry).Assembly.Location;
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var entry = new SuiteEntry(process);
        process.OutputDataReceived += (_, e) => entry.Add(e.Data);
        process.ErrorDataReceived += (_, e) => entry.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return entry;
    }

    /// <summary>Waits for the exit and returns the exit code; kills the process tree when it outlives the timeout.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"scripts/e2e-live did not end within {timeout}:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
