using System.Globalization;

namespace KongIdentityOperator.Sandbox.KubeApi;

/// <summary>The parsed command line of <c>kube-api</c>.</summary>
internal sealed record KubeApiArguments(int Port, string? Kubeconfig, string Namespace, bool Help)
{
    public const string Usage = "usage: kube-api [--port <port>] [--kubeconfig <file>] [--namespace <namespace>] [--history-window <duration, e.g. 5m>]";

    /// <summary>How long watch/paging history is kept (<see cref="KubeApiServerOptions.WatchHistoryWindow"/>).</summary>
    public TimeSpan HistoryWindow { get; init; } = new KubeApiServerOptions().WatchHistoryWindow;

    /// <summary>Parses the arguments; <paramref name="error"/> names the first one that is not understood.</summary>
    public static KubeApiArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        var parsed = new KubeApiArguments(0, null, "default", Help: false);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            KubeApiArguments? next = (args[i], value) switch
            {
                ("--help" or "-h", _) => parsed with { Help = true },
                ("--port", { } text) when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 => parsed with { Port = port },
                ("--kubeconfig", { Length: > 0 } path) => parsed with { Kubeconfig = path },
                ("--namespace", { Length: > 0 } ns) => parsed with { Namespace = ns },
                ("--history-window", { } text) when TryDuration(text) is { } window => parsed with { HistoryWindow = window },
                _ => null,
            };
            if (next is null)
            {
                error = $"kube-api: bad argument '{args[i]}'";
                return null;
            }

            parsed = next;
            if (args[i] is not ("--help" or "-h"))
            {
                i++;
            }
        }

        error = null;
        return parsed;
    }

    private static TimeSpan? TryDuration(string text)
    {
        try
        {
            var value = Http.GoDuration.Parse(text);
            return value >= TimeSpan.Zero ? value : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
