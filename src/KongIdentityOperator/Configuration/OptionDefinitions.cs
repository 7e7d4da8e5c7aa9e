namespace KongIdentityOperator.Configuration;

/// <summary>Every flag with its environment variable and help text; the README table is kept in step with this list.</summary>
internal static class OptionDefinitions
{
    public static IReadOnlyList<OptionDefinition> All { get; } =
    [
        new("kubeconfig", "KUBECONFIG", "<file>", "kubeconfig to use; default: in-cluster, else ~/.kube/config"),
        new("namespaces", "WATCH_NAMESPACES", "<a,b>", "namespaces to watch, comma separated; default: all"),
        new("konnect-server-url", "KONNECT_SERVER_URL", "<url>", "send every Konnect call to this server, which is then the only allowed one (e.g. the sandbox emulator)"),
        new("allowed-konnect-servers", "ALLOWED_KONNECT_SERVERS", "<url,...>", "Konnect API base URLs objects may use (exact scheme, host, port and path); default the six region URLs"),
        new("konnect-token", "KONNECT_TOKEN", "<token>", "default Konnect token for objects that name no tokenSecretRef (prefer --konnect-token-file)"),
        new("konnect-token-file", "KONNECT_TOKEN_FILE", "<path>", "file holding the default Konnect token, re-read when it changes (a mounted Secret)"),
        new("default-token-namespaces", "DEFAULT_TOKEN_NAMESPACES", "<a,b|*>", "namespaces whose objects may use the default token; default none"),
        new("konnect-region", "KONNECT_REGION", "<region>", "default Konnect region: us, eu, au, me, in or sg; default us"),
        new("konnect-rate-limit", "KONNECT_RATE_LIMIT", "<n>", "Konnect calls per minute per token the operator allows itself; default 3000"),
        new("konnect-max-in-flight", "KONNECT_MAX_IN_FLIGHT", "<n>", "Konnect calls in flight at once per server and token; more are requeued, not waited for; default half of --max-concurrent-reconciles"),
        new("konnect-call-timeout", "KONNECT_CALL_TIMEOUT", "<duration>", "the most one Konnect call may take, retries included; default 60s"),
        new("resync-period", "RESYNC_PERIOD", "<duration>", "how often every object is compared with Konnect (jittered); default 10m"),
        new("max-concurrent-reconciles", "MAX_CONCURRENT_RECONCILES", "<n>", "reconciles in parallel per kind; default 4"),
        new("http-port", "HTTP_PORT", "<n>", "port of /healthz, /readyz and /metrics; default 8080 (0 = any free port)"),
        new("leader-elect", "LEADER_ELECT", "[true|false]", "elect a leader through a Lease so replicas are safe; default on in a cluster"),
        new("leader-election-namespace", "LEADER_ELECTION_NAMESPACE", "<ns>", "namespace of the Lease; default the pod's namespace"),
    ];
}

/// <summary>A flag <c>--name</c> and the environment variable that sets the same value.</summary>
internal sealed record OptionDefinition(string Name, string EnvironmentVariable, string Value, string Help);
