namespace KongIdentityOperator.Chaos.Harness;

/// <summary>How to start one operator process: the flags of README "Configuration" plus its log file.</summary>
internal sealed record OperatorLaunch
{
    public required string Kubeconfig { get; init; }

    /// <summary>The <c>--konnect-server-url</c> override; null: none (objects name their servers, checked against the allowed list).</summary>
    public Uri? KonnectServerUrl { get; init; }

    public required string LogFile { get; init; }

    public bool LeaderElect { get; init; }

    public string? LeaseNamespace { get; init; }

    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Further flags, e.g. <c>--konnect-token</c>.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Extra environment variables (e.g. <c>KONNECT_TOKEN</c>); the suite's own environment is not passed on.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Arguments(int httpPort)
    {
        List<string> arguments =
        [
            OperatorBinary.Path,
            "--kubeconfig", Kubeconfig,
            "--http-port", httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            LeaderElect ? "--leader-elect=true" : "--leader-elect=false",
        ];
        if (KonnectServerUrl is not null)
        {
            arguments.AddRange(["--konnect-server-url", KonnectServerUrl.ToString()]);
        }

        if (LeaseNamespace is not null)
        {
            arguments.AddRange(["--leader-election-namespace", LeaseNamespace]);
        }

        if (Namespaces.Count > 0)
        {
            arguments.AddRange(["--namespaces", string.Join(',', Namespaces)]);
        }

        arguments.AddRange(ExtraArguments);
        return arguments;
    }
}
