using System.Diagnostics;
using System.Text;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>Runs the machine's <c>kubectl</c> (which has kustomize built in), killing it after a generous timeout.</summary>
internal static class Kubectl
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<KubectlResult> RunAsync(IEnumerable<string> arguments, string? input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), timeout.Token);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            return new KubectlResult(process.ExitCode, await output, await error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Runs kubectl and fails the test with its output unless it exits 0.</summary>
    public static async Task<string> SucceedAsync(IEnumerable<string> arguments, string? input, CancellationToken cancellationToken)
    {
        var list = arguments.ToList();
        var result = await RunAsync(list, input, cancellationToken);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', list)} exited {result.ExitCode}:\n{result.Error}\n{result.Output}");
        return result.Output;
    }
}
