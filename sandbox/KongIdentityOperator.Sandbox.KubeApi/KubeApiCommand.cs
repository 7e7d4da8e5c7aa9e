namespace KongIdentityOperator.Sandbox.KubeApi;

/// <summary>
/// The <c>kube-api</c> command of the sandbox executable:
/// <c>kube-api [--port P] [--kubeconfig FILE] [--namespace NS] [--history-window 5m]</c>. Serves until cancelled.
/// </summary>
public static class KubeApiCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var arguments = KubeApiArguments.Parse(args, out var error);
        if (arguments is null || arguments.Help)
        {
            if (error is not null)
            {
                await output.WriteLineAsync(error);
            }

            await output.WriteLineAsync(KubeApiArguments.Usage);
            return arguments is null ? 2 : 0;
        }

        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { Port = arguments.Port, WatchHistoryWindow = arguments.HistoryWindow }, cancellationToken);
        if (arguments.Kubeconfig is not null)
        {
            server.WriteKubeconfig(arguments.Kubeconfig, arguments.Namespace);
        }

        await output.WriteLineAsync($"kube-api listening on {server.BaseAddress.GetLeftPart(UriPartial.Authority)}");
        await output.FlushAsync(cancellationToken);

        // Ctrl+C or the host stopping ends the wait. Force a yield: cancellation often comes from a signal handler's
        // thread, which must not be held while the server shuts down.
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
        return 0;
    }
}
