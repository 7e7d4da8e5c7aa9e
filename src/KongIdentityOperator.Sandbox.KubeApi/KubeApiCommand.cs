namespace KongIdentityOperator.Sandbox.KubeApi;

/// <summary>The <c>kube-api</c> command line of the sandbox executable.</summary>
public static class KubeApiCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("kube-api: not built yet");
        return Task.FromResult(args.Length >= 0 && !cancellationToken.IsCancellationRequested ? 1 : 1);
    }
}
