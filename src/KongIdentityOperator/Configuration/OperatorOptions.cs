namespace KongIdentityOperator.Configuration;

/// <summary>The operator's configuration, from flags or environment variables (README "Configuration").</summary>
internal sealed record OperatorOptions
{
    public string? Kubeconfig { get; init; }

    /// <summary>Namespaces to watch; empty means all.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Overrides the server of every Konnect call (the sandbox's emulator uses it); it is then the only allowed server.</summary>
    public Uri? KonnectServerUrl { get; init; }

    /// <summary>The Konnect API base URLs objects may use; ignored when <see cref="KonnectServerUrl"/> is set (only it is allowed).</summary>
    public IReadOnlyList<Uri> AllowedKonnectServers { get; init; } = AllowedServers.RegionDefaults;

    /// <summary>Default Konnect token for objects that name none. Never logged.</summary>
    public string? KonnectToken { get; init; }

    /// <summary>File holding the default token (a mounted Secret), re-read when it changes. Exclusive with <see cref="KonnectToken"/>.</summary>
    public string? KonnectTokenFile { get; init; }

    /// <summary>Namespaces whose objects may use the default token; none unless granted.</summary>
    public NamespaceGrant DefaultTokenNamespaces { get; init; } = NamespaceGrant.None;

    /// <summary>Region used when an object names neither a region nor a server URL.</summary>
    public string KonnectRegion { get; init; } = "us";

    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    public int MaxConcurrentReconciles { get; init; } = 4;

    public int HttpPort { get; init; } = 8080;

    /// <summary>Null: on when running in a cluster, off otherwise.</summary>
    public bool? LeaderElect { get; init; }

    /// <summary>Namespace of the leader-election Lease; default: the pod's namespace, else <c>default</c>.</summary>
    public string? LeaderElectionNamespace { get; init; }

    /// <summary>Settings that were given but have no effect, for the startup log.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Client-side Konnect rate limit per (server, token), in calls per minute.</summary>
    public int KonnectRateLimitPerMinute { get; init; } = 3000;

    /// <summary>Konnect calls in flight at once per connection (server and token); null: half of <see cref="MaxConcurrentReconciles"/>, at least 1.</summary>
    public int? KonnectMaxInFlight { get; init; }

    /// <summary>The most one Konnect call may take, retries included.</summary>
    public TimeSpan KonnectCallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The per-connection limit in force.</summary>
    public int EffectiveKonnectMaxInFlight => KonnectMaxInFlight ?? Math.Max(1, MaxConcurrentReconciles / 2);

    public override string ToString() =>
        $"OperatorOptions {{ Kubeconfig = {Kubeconfig}, Namespaces = [{string.Join(",", Namespaces)}], KonnectServerUrl = {KonnectServerUrl}, AllowedKonnectServers = [{string.Join(",", AllowedKonnectServers.Select(s => s.AbsoluteUri.TrimEnd('/')))}], KonnectToken = {(KonnectToken is null ? "unset" : "***")}, KonnectTokenFile = {KonnectTokenFile ?? "unset"}, DefaultTokenNamespaces = {DefaultTokenNamespaces}, ResyncPeriod = {ResyncPeriod}, MaxConcurrentReconciles = {MaxConcurrentReconciles}, KonnectMaxInFlight = {EffectiveKonnectMaxInFlight}, KonnectCallTimeout = {KonnectCallTimeout}, HttpPort = {HttpPort}, LeaderElect = {LeaderElect} }}";
}
