using System.Globalization;
using KongIdentityOperator.Configuration;

namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>
/// The command line and environment that give the operator executable the same <see cref="OperatorOptions"/> a test
/// would host in-process (README "Configuration"), plus Debug logs so that the no-secrets scans see everything.
/// </summary>
internal static class OperatorArguments
{
    /// <summary>The shortest <c>--resync-period</c> the executable accepts.</summary>
    public static readonly TimeSpan MinimumResyncPeriod = TimeSpan.FromSeconds(10);

    public static IReadOnlyList<string> For(string binary, OperatorOptions options, string kubeconfig, int httpPort)
    {
        ArgumentNullException.ThrowIfNull(options);

        // A scenario asking for a faster resync (2 s, to see drift corrected quickly) gets the shortest the executable
        // takes: its waits allow for that, it only takes a few seconds longer.
        var resync = options.ResyncPeriod < MinimumResyncPeriod ? MinimumResyncPeriod : options.ResyncPeriod;
        List<string> arguments =
        [
            binary,
            "--kubeconfig", kubeconfig,
            "--http-port", Number(httpPort),
            "--konnect-region", options.KonnectRegion,
            "--resync-period", Seconds(resync),
            "--max-concurrent-reconciles", Number(options.MaxConcurrentReconciles),
            "--konnect-rate-limit", Number(options.KonnectRateLimitPerMinute),
            "--konnect-max-in-flight", Number(options.EffectiveKonnectMaxInFlight),
            "--konnect-call-timeout", Seconds(options.KonnectCallTimeout),
        ];
        if (options.Namespaces.Count > 0)
        {
            arguments.AddRange(["--namespaces", string.Join(',', options.Namespaces)]);
        }

        arguments.AddRange(options.KonnectServerUrl is { } server
            ? ["--konnect-server-url", server.AbsoluteUri]
            : ["--allowed-konnect-servers", string.Join(',', options.AllowedKonnectServers.Select(s => s.AbsoluteUri))]);
        if (options.LeaderElect is { } elect)
        {
            arguments.Add(elect ? "--leader-elect=true" : "--leader-elect=false");
        }

        if (options.LeaderElectionNamespace is { } leaseNamespace)
        {
            arguments.AddRange(["--leader-election-namespace", leaseNamespace]);
        }

        if (options.DefaultTokenNamespaces is { Everyone: true } or { Namespaces.Count: > 0 })
        {
            arguments.AddRange(["--default-token-namespaces", options.DefaultTokenNamespaces.ToString()]);
        }

        if (options.KonnectTokenFile is { } tokenFile)
        {
            arguments.AddRange(["--konnect-token-file", tokenFile]);
        }

        return arguments;
    }

    /// <summary>Debug logs; a default token goes in the environment, never on the command line.</summary>
    public static IReadOnlyDictionary<string, string> Environment(OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["Logging__LogLevel__Default"] = "Debug" };
        if (options.KonnectToken is { } token)
        {
            environment["KONNECT_TOKEN"] = token;
        }

        return environment;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan value) => Number((int)Math.Ceiling(value.TotalSeconds)) + "s";
}
