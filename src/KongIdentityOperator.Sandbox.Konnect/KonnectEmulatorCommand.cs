namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>The <c>konnect</c> command line of the sandbox executable.</summary>
public static class KonnectEmulatorCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("konnect emulator: not built yet");
        return Task.FromResult(args.Length >= 0 && !cancellationToken.IsCancellationRequested ? 1 : 1);
    }
}
