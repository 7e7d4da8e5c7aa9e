using System.Runtime.InteropServices;
using KongIdentityOperator.Sandbox.Konnect.Hosting;

namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>The <c>konnect</c> command of the sandbox executable: runs the emulator until cancelled.</summary>
public static class KonnectEmulatorCommand
{
    /// <summary>Runs until <paramref name="cancellationToken"/> fires; returns 0, or 2 for bad arguments.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Contains("--help") || args.Contains("-h"))
        {
            await output.WriteLineAsync(CommandLine.Usage);
            return 0;
        }

        var (options, error) = CommandLine.Parse(args);
        if (options is null)
        {
            await output.WriteLineAsync($"konnect: {error}");
            await output.WriteLineAsync(CommandLine.Usage);
            return 2;
        }

        // SIGTERM (docker stop, kill) and SIGINT end the run like cancellation does.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stop));
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stop));
        await using var emulator = await KonnectEmulator.StartAsync(options, stop.Token);
        await output.WriteLineAsync($"konnect emulator listening on {emulator.BaseAddress.ToString().TrimEnd('/')}");
        await output.FlushAsync(cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Cancellation is the normal way to stop.
        }

        return 0;
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stop)
    {
        context.Cancel = true;
        stop.Cancel();
    }
}
