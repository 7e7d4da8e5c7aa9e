using System.Diagnostics;
using System.Text;

namespace KongIdentityOperator.Tests.GitOps;

/// <summary>
/// Runs <c>config/argocd/health.lua</c> on one object with the <c>lua5.1</c> interpreter, through
/// <c>Assets/harness.lua</c>, which sets <c>obj</c> and hides the libraries Argo CD's VM does not open.
/// </summary>
internal static class LuaHealthCheck
{
    private const string Interpreter = "lua5.1";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly Lazy<string?> InterpreterPath = new(FindInterpreter);

    public static async Task<ArgoHealth> RunAsync(string objectJson, CancellationToken cancellationToken)
    {
        var interpreter = InterpreterPath.Value;
        if (interpreter is null)
        {
            Assert.Fail($"{Interpreter} is not on the PATH. CI installs it in .ci/run (apt-get install -y {Interpreter}); "
                + $"install it the same way to run the Argo CD health-check tests.");
        }

        var start = new ProcessStartInfo(interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(RepositoryFiles.LuaHarness);
        start.ArgumentList.Add(RepositoryFiles.LuaJsonDecoder);
        start.ArgumentList.Add(RepositoryFiles.HealthScript);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Interpreter} did not start.");
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(objectJson.AsMemory(), timeout.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);

            var stdout = await output;
            var stderr = await error;
            Assert.True(process.ExitCode == 0, $"health.lua failed (exit {process.ExitCode}): {stderr}");
            var newline = stdout.IndexOf('\n', StringComparison.Ordinal);
            Assert.True(newline > 0, $"The harness printed no status line: '{stdout}'");
            return new ArgoHealth(stdout[..newline], stdout[(newline + 1)..]);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static string? FindInterpreter() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, Interpreter))
            .FirstOrDefault(File.Exists);
}
