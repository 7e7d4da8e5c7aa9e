using System.CommandLine;

namespace KongIdentityOperator.Configuration;

/// <summary>
/// The operator's command line as System.CommandLine defines it: every flag with its value, help text and the
/// environment variable that sets the same value. This definition is the one list of flags: the help output, the
/// parser and the flags table in docs/operations.md (checked by a test) all come from it.
/// </summary>
internal sealed class OperatorCommand
{
    // Response files (@file) are off: an argument that starts with @ is a value, not a file to read.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    public OperatorCommand()
    {
        Flags =
        [
            Flag("kubeconfig", "KUBECONFIG", "file", "kubeconfig to use; default: in-cluster, else ~/.kube/config"),
            Flag("namespaces", "WATCH_NAMESPACES", "a,b", "namespaces to watch, comma separated; default: all"),
            Flag("konnect-server-url", "KONNECT_SERVER_URL", "url", "send every Konnect call to this server, which is then the only allowed one (e.g. the sandbox emulator)"),
            Flag("allowed-konnect-servers", "ALLOWED_KONNECT_SERVERS", "url,...", "Konnect API base URLs objects may use (exact scheme, host, port and path); default the six region URLs"),
            Flag("konnect-token", "KONNECT_TOKEN", "token", "default Konnect token for objects that name no tokenSecretRef (prefer --konnect-token-file)"),
            Flag("konnect-token-file", "KONNECT_TOKEN_FILE", "path", "file holding the default Konnect token, re-read when it changes (a mounted Secret)"),
            Flag("default-token-namespaces", "DEFAULT_TOKEN_NAMESPACES", "a,b|*", "namespaces whose objects may use the default token; default none"),
            Flag("konnect-region", "KONNECT_REGION", "region", "default Konnect region: us, eu, au, me, in or sg; default us"),
            Flag("konnect-rate-limit", "KONNECT_RATE_LIMIT", "n", "Konnect calls per minute per token the operator allows itself; default 3000"),
            Flag("konnect-max-in-flight", "KONNECT_MAX_IN_FLIGHT", "n", "Konnect calls in flight at once per server and token; more are requeued, not waited for; default half of --max-concurrent-reconciles"),
            Flag("konnect-call-timeout", "KONNECT_CALL_TIMEOUT", "duration", "the most one Konnect call may take, retries included; default 60s"),
            Flag("resync-period", "RESYNC_PERIOD", "duration", "how often every object is compared with Konnect (jittered); default 10m"),
            Flag("max-concurrent-reconciles", "MAX_CONCURRENT_RECONCILES", "n", "reconciles in parallel per kind; default 4"),
            Flag("http-port", "HTTP_PORT", "n", "port of /healthz, /readyz and /metrics; default 8080 (0 = any free port)"),
            Flag("leader-elect", "LEADER_ELECT", "true|false", "elect a leader through a Lease so replicas are safe; default on in a cluster", valueOptional: true),
            Flag("leader-election-namespace", "LEADER_ELECTION_NAMESPACE", "ns", "namespace of the Lease; default the pod's namespace"),
        ];

        Root = new RootCommand("Kong Identity Operator: keeps Konnect auth servers, scopes, claims, clients and upstream-oauth plugins in step with Kubernetes resources.");
        Root.Directives.Clear();
        foreach (var flag in Flags)
        {
            Root.Options.Add(flag.Option);
        }

        var version = Root.Options.OfType<VersionOption>().Single();
        version.Action = new PrintVersionAction();
    }

    public RootCommand Root { get; }

    public IReadOnlyList<OperatorFlag> Flags { get; }

    public ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(args, Parsing);

    private static OperatorFlag Flag(string name, string environmentVariable, string value, string help, bool valueOptional = false) =>
        new(
            new Option<string[]>($"--{name}")
            {
                HelpName = value,
                Description = $"{help} [{environmentVariable}]",
                // Every occurrence is one value (the last wins); a bare --leader-elect means true.
                Arity = valueOptional ? ArgumentArity.ZeroOrMore : ArgumentArity.OneOrMore,
                AllowMultipleArgumentsPerToken = false,
            },
            environmentVariable);
}
