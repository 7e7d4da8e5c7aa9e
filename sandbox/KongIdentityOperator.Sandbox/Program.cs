using KongIdentityOperator.Sandbox.Konnect;
using KongIdentityOperator.Sandbox.KubeApi;

// The sandbox: local stand-ins for the outside world (Konnect and a Kubernetes API server).
// Each command runs until Ctrl+C / SIGTERM.
using var shutdown = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    shutdown.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) =>
{
    // ProcessExit also fires after Main has returned and disposed the source.
    try
    {
        shutdown.Cancel();
    }
    catch (ObjectDisposedException)
    {
    }
};

var command = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
return command switch
{
    "konnect" => await KonnectEmulatorCommand.RunAsync(rest, Console.Out, shutdown.Token),
    "kube-api" => await KubeApiCommand.RunAsync(rest, Console.Out, shutdown.Token),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: KongIdentityOperator.Sandbox <command> [options]

        commands:
          konnect  --port <P> --token <T> [--token <T2> ...]   the Konnect emulator
          kube-api --port <P> --kubeconfig <file>              the in-memory Kubernetes API server
        """);
    return 2;
}
