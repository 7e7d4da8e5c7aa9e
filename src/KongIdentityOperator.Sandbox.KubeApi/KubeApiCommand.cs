using System.Globalization;

namespace KongIdentityOperator.Sandbox.KubeApi;

/// <summary>
/// The <c>kube-api</c> command of the sandbox executable:
/// <c>kube-api [--port P] [--kubeconfig FILE] [--namespace NS]</c>. Serves until cancelled.
/// </summary>
public static class KubeApiCommand
{
    private const string Usage = "usage: kube-api [--port <port>] [--kubeconfig <file>] [--namespace <namespace>]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var port = 0;
        string? kubeconfig = null;
        var ns = "default";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535:
                case "--kubeconfig" when value is not null && (kubeconfig = value) is not null:
                case "--namespace" when value is not null && (ns = value) is not null:
                    i++;
                    break;
                case "--help" or "-h":
                    await output.WriteLineAsync(Usage);
                    return 0;
                default:
                    await output.WriteLineAsync($"kube-api: bad argument '{args[i]}'");
                    await output.WriteLineAsync(Usage);
                    return 2;
            }
        }

        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { Port = port }, cancellationToken);
        if (kubeconfig is not null)
        {
            server.WriteKubeconfig(kubeconfig, ns);
        }

        await output.WriteLineAsync($"kube-api listening on {server.BaseAddress.GetLeftPart(UriPartial.Authority)}");
        await output.FlushAsync(cancellationToken);
        // Ctrl+C or the host stopping ends the wait. Force a yield: cancellation often comes from a signal handler's
        // thread, which must not be held while the server shuts down.
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
        return 0;
    }
}
