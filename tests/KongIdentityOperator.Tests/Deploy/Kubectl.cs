
namespace KongIdentityOperator.Tests.Deploy;

/// <summary>Runs the machine's <c>kubectl</c> (which has kustomize built in) as a <see cref="ChildProcess"/>.</summary>
internal static class Kubectl
{
    public static Task<ProcessResult> RunAsync(IEnumerable<string> arguments, string? input, CancellationToken cancellationToken) =>
        ChildProcess.RunAsync("kubectl", arguments, input, cancellationToken: cancellationToken);

    /// <summary>Runs kubectl and fails the test with its output unless it exits 0.</summary>
    public static async Task<string> SucceedAsync(IEnumerable<string> arguments, string? input, CancellationToken cancellationToken)
    {
        var list = arguments.ToList();
        var result = await RunAsync(list, input, cancellationToken);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', list)} exited {result.ExitCode}:\n{result.Error}\n{result.Output}");
        return result.Output;
    }
}
