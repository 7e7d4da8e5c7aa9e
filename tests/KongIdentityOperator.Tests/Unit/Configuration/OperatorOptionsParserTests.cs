using KongIdentityOperator.Configuration;

namespace KongIdentityOperator.Tests.Unit.Configuration;

public sealed class OperatorOptionsParserTests
{
    private const string Token = "kpat_VerySecretTokenValue0123456789";

    [Fact]
    public void Nothing_set_gives_the_documented_defaults()
    {
        var options = Parse();

        Assert.Null(options.Kubeconfig);
        Assert.Empty(options.Namespaces);
        Assert.Null(options.KonnectServerUrl);
        Assert.Null(options.KonnectToken);
        Assert.Equal("us", options.KonnectRegion);
        Assert.Equal(3000, options.KonnectRateLimitPerMinute);
        Assert.Equal(TimeSpan.FromMinutes(10), options.ResyncPeriod);
        Assert.Equal(4, options.MaxConcurrentReconciles);
        Assert.Equal(2, options.EffectiveKonnectMaxInFlight);
        Assert.Equal(TimeSpan.FromSeconds(60), options.KonnectCallTimeout);
        Assert.Equal(8080, options.HttpPort);
        Assert.Null(options.LeaderElect);
        Assert.Null(options.LeaderElectionNamespace);
        Assert.Equal(AllowedServers.RegionDefaults, options.AllowedKonnectServers);
        Assert.Null(options.KonnectTokenFile);
        Assert.False(options.DefaultTokenNamespaces.Includes("default"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_flag_is_read_in_both_spellings(bool withEquals)
    {
        var options = Parse(Flags(withEquals,
            ("kubeconfig", "/home/me/.kube/config"),
            ("namespaces", "team-a,team-b"),
            ("konnect-server-url", "http://127.0.0.1:8443"),
            ("konnect-token", Token),
            ("konnect-region", "eu"),
            ("konnect-rate-limit", "120"),
            ("konnect-max-in-flight", "3"),
            ("konnect-call-timeout", "90s"),
            ("resync-period", "2m"),
            ("max-concurrent-reconciles", "8"),
            ("http-port", "9090"),
            ("leader-elect", "false"),
            ("leader-election-namespace", "operators")));

        Assert.Equal("/home/me/.kube/config", options.Kubeconfig);
        Assert.Equal(["team-a", "team-b"], options.Namespaces);
        Assert.Equal(new Uri("http://127.0.0.1:8443"), options.KonnectServerUrl);
        Assert.Equal(Token, options.KonnectToken);
        Assert.Equal("eu", options.KonnectRegion);
        Assert.Equal(120, options.KonnectRateLimitPerMinute);
        Assert.Equal(3, options.EffectiveKonnectMaxInFlight);
        Assert.Equal(TimeSpan.FromSeconds(90), options.KonnectCallTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.ResyncPeriod);
        Assert.Equal(8, options.MaxConcurrentReconciles);
        Assert.Equal(9090, options.HttpPort);
        Assert.False(options.LeaderElect);
        Assert.Equal("operators", options.LeaderElectionNamespace);
    }

    [Fact]
    public void Every_environment_variable_is_read()
    {
        var options = Parse([], new Dictionary<string, string>
        {
            ["KUBECONFIG"] = "/etc/kubeconfig",
            ["WATCH_NAMESPACES"] = "ns1",
            ["KONNECT_SERVER_URL"] = "https://konnect.internal",
            ["KONNECT_TOKEN"] = Token,
            ["KONNECT_REGION"] = "au",
            ["KONNECT_RATE_LIMIT"] = "60",
            ["RESYNC_PERIOD"] = "1h",
            ["MAX_CONCURRENT_RECONCILES"] = "2",
            ["HTTP_PORT"] = "0",
            ["LEADER_ELECT"] = "true",
            ["LEADER_ELECTION_NAMESPACE"] = "kube-system",
        });

        Assert.Equal("/etc/kubeconfig", options.Kubeconfig);
        Assert.Equal(["ns1"], options.Namespaces);
        Assert.Equal(new Uri("https://konnect.internal"), options.KonnectServerUrl);
        Assert.Equal(Token, options.KonnectToken);
        Assert.Equal("au", options.KonnectRegion);
        Assert.Equal(60, options.KonnectRateLimitPerMinute);
        Assert.Equal(TimeSpan.FromHours(1), options.ResyncPeriod);
        Assert.Equal(2, options.MaxConcurrentReconciles);
        Assert.Equal(0, options.HttpPort);
        Assert.True(options.LeaderElect);
        Assert.Equal("kube-system", options.LeaderElectionNamespace);
    }

    [Fact]
    public void Flags_override_environment_variables()
    {
        var options = Parse(
            ["--konnect-region", "sg", "--http-port=7070", "--konnect-token", "kpat_from_flag"],
            new Dictionary<string, string> { ["KONNECT_REGION"] = "eu", ["HTTP_PORT"] = "9090", ["KONNECT_TOKEN"] = Token, ["MAX_CONCURRENT_RECONCILES"] = "6" });

        Assert.Equal("sg", options.KonnectRegion);
        Assert.Equal(7070, options.HttpPort);
        Assert.Equal("kpat_from_flag", options.KonnectToken);
        Assert.Equal(6, options.MaxConcurrentReconciles);
    }

    [Fact]
    public void Empty_environment_variables_count_as_unset()
    {
        var options = Parse([], new Dictionary<string, string> { ["KONNECT_REGION"] = "", ["HTTP_PORT"] = "" });

        Assert.Equal("us", options.KonnectRegion);
        Assert.Equal(8080, options.HttpPort);
    }

    [Fact]
    public void The_last_of_a_repeated_flag_wins()
    {
        Assert.Equal(3, Parse("--max-concurrent-reconciles", "2", "--max-concurrent-reconciles=3").MaxConcurrentReconciles);
    }

    // Command lines as one string, split on spaces (no value here contains one).
    public static TheoryData<string> LeaderElectOn() =>
    [
        "--leader-elect",
        "--leader-elect --http-port 1",
        "--leader-elect=true",
        "--leader-elect true",
        "--leader-elect yes",
        "--leader-elect=1",
        "--leader-elect TRUE",
    ];

    public static TheoryData<string> LeaderElectOff() => ["--leader-elect=false", "--leader-elect false", "--leader-elect no", "--leader-elect=0"];

    // Each of these is a plausible typo around a token; none of the errors may repeat the token.
    public static TheoryData<string> TokenTypos() =>
    [
        $"--konnect-tokn={Token}",
        $"--konnect_token {Token}",
        $"-konnect-token {Token}",
        Token,
        $"--konnect-token= {Token}",
        $"--konnect-token {Token} --http-port=x",
        $"--konnect-token {Token} --konnect-region",
    ];

    [Theory]
    [MemberData(nameof(LeaderElectOn))]
    public void Leader_election_is_on_when_the_flag_is_bare_or_true(string commandLine) => Assert.True(Parse(commandLine.Split(' ')).LeaderElect);

    [Theory]
    [MemberData(nameof(LeaderElectOff))]
    public void Leader_election_is_off_when_false(string commandLine) => Assert.False(Parse(commandLine.Split(' ')).LeaderElect);

    [Fact]
    public void A_bare_leader_elect_overrides_the_environment() =>
        Assert.True(Parse(["--leader-elect"], new Dictionary<string, string> { ["LEADER_ELECT"] = "false" }).LeaderElect);

    [Fact]
    public void Namespaces_are_trimmed_deduplicated_and_empty_entries_dropped() =>
        Assert.Equal(["a", "b", "c"], Parse("--namespaces", " a, b,,a ,c,").Namespaces);

    [Theory]
    [InlineData("EU", "eu")]
    [InlineData(" me ", "me")]
    [InlineData("in", "in")]
    public void Regions_are_normalized(string given, string expected) => Assert.Equal(expected, Parse("--konnect-region", given).KonnectRegion);

    [Fact]
    public void The_token_is_trimmed() => Assert.Equal(Token, Parse("--konnect-token", $"  {Token}\n").KonnectToken);

    [Theory]
    [InlineData("--http-port=65536", "--http-port")]
    [InlineData("--http-port=-1", "--http-port")]
    [InlineData("--http-port=eighty", "--http-port")]
    [InlineData("--max-concurrent-reconciles=0", "--max-concurrent-reconciles")]
    [InlineData("--max-concurrent-reconciles=1001", "--max-concurrent-reconciles")]
    [InlineData("--konnect-rate-limit=0", "--konnect-rate-limit")]
    [InlineData("--konnect-max-in-flight=0", "--konnect-max-in-flight")]
    [InlineData("--konnect-call-timeout=500ms", "--konnect-call-timeout")]
    [InlineData("--konnect-rate-limit=1.5", "--konnect-rate-limit")]
    [InlineData("--resync-period=9s", "--resync-period")]
    [InlineData("--resync-period=10", "--resync-period")]
    [InlineData("--resync-period=1d", "--resync-period")]
    [InlineData("--konnect-region=mars", "--konnect-region")]
    [InlineData("--konnect-server-url=konnect.example.com", "--konnect-server-url")]
    [InlineData("--konnect-server-url=ftp://konnect.example.com", "--konnect-server-url")]
    [InlineData("--leader-elect=maybe", "--leader-elect")]
    [InlineData("--no-such-flag=1", "--no-such-flag")]
    [InlineData("--kubeconfig", "--kubeconfig")]
    public void Errors_name_the_flag(string arg, string flag)
    {
        var error = Assert.Throws<OptionsException>(() => Parse(arg));

        Assert.Contains(flag, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_environment_values_are_reported_with_the_flag_they_set()
    {
        var error = Assert.Throws<OptionsException>(() => Parse([], new Dictionary<string, string> { ["HTTP_PORT"] = "http" }));

        Assert.Contains("--http-port", error.Message, StringComparison.Ordinal);
        Assert.Contains("'http'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Minimums_and_maximums_are_accepted()
    {
        var options = Parse("--http-port=65535", "--max-concurrent-reconciles=1000", "--konnect-rate-limit=1", "--resync-period=10s");

        Assert.Equal(65535, options.HttpPort);
        Assert.Equal(1000, options.MaxConcurrentReconciles);
        Assert.Equal(1, options.KonnectRateLimitPerMinute);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ResyncPeriod);
    }

    [Fact]
    public void A_positional_argument_is_refused() =>
        Assert.Contains("unexpected argument", Assert.Throws<OptionsException>(() => Parse("run")).Message, StringComparison.Ordinal);

    [Fact]
    public void A_single_dash_flag_is_refused() =>
        Assert.Throws<OptionsException>(() => Parse("-http-port", "1"));

    [Fact]
    public void A_flag_without_its_value_is_refused() =>
        Assert.Contains("--konnect-token needs a value", Assert.Throws<OptionsException>(() => Parse("--konnect-token")).Message, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(TokenTypos))]
    public void Errors_never_echo_a_token(string commandLine)
    {
        var error = Assert.Throws<OptionsException>(() => Parse(commandLine.Split(' ')));

        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("VerySecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_never_print_the_token()
    {
        var text = Parse("--konnect-token", Token).ToString();

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.Contains("KonnectToken = ***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowed_servers_are_a_list_of_plain_base_urls()
    {
        var options = Parse("--allowed-konnect-servers", " https://eu.api.konghq.com , http://127.0.0.1:9100/konnect ");

        Assert.Equal([new Uri("https://eu.api.konghq.com"), new Uri("http://127.0.0.1:9100/konnect")], options.AllowedKonnectServers);
        Assert.Equal(options.AllowedKonnectServers, Parse([], new() { ["ALLOWED_KONNECT_SERVERS"] = "https://eu.api.konghq.com,http://127.0.0.1:9100/konnect" }).AllowedKonnectServers);
    }

    [Theory]
    [InlineData("https://user:pass@eu.api.konghq.com")]
    [InlineData("https://eu.api.konghq.com/?x=1")]
    [InlineData("https://eu.api.konghq.com/#x")]
    [InlineData("ftp://eu.api.konghq.com")]
    [InlineData("eu.api.konghq.com")]
    [InlineData(",")]
    public void An_allowed_server_with_user_info_a_query_a_fragment_or_no_scheme_is_refused(string value)
    {
        var error = Assert.Throws<OptionsException>(() => Parse("--allowed-konnect-servers", value));

        Assert.Contains("--allowed-konnect-servers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_server_override_refuses_user_info_and_makes_the_allowed_list_moot()
    {
        Assert.Throws<OptionsException>(() => Parse("--konnect-server-url", "http://token@127.0.0.1:9100"));

        var options = Parse("--konnect-server-url", "http://127.0.0.1:9100", "--allowed-konnect-servers", "https://eu.api.konghq.com");

        Assert.Contains(options.Warnings, w => w.Contains("--allowed-konnect-servers is ignored", StringComparison.Ordinal));
        Assert.False(AllowedServers.For(options).Allows(new Uri("https://eu.api.konghq.com")));
    }

    [Fact]
    public void The_default_token_is_granted_to_listed_namespaces_or_to_all_with_a_star()
    {
        var listed = Parse("--default-token-namespaces", "platform, shared").DefaultTokenNamespaces;
        var all = Parse([], new() { ["DEFAULT_TOKEN_NAMESPACES"] = "*" }).DefaultTokenNamespaces;

        Assert.True(listed.Includes("platform") && listed.Includes("shared"));
        Assert.False(listed.Includes("team-a"));
        Assert.True(all.Includes("team-a"));
        Assert.Contains("--default-token-namespaces", Assert.Throws<OptionsException>(() => Parse("--default-token-namespaces", "Team A")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_file_is_read_and_excludes_the_token_flag()
    {
        Assert.Equal("/var/run/secrets/token", Parse("--konnect-token-file", "/var/run/secrets/token").KonnectTokenFile);
        Assert.Equal("/t", Parse([], new() { ["KONNECT_TOKEN_FILE"] = "/t" }).KonnectTokenFile);

        var error = Assert.Throws<OptionsException>(() => Parse("--konnect-token", Token, "--konnect-token-file", "/t"));

        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    private static OperatorOptions Parse(params string[] args) => Parse(args, new Dictionary<string, string>());

    private static OperatorOptions Parse(string[] args, Dictionary<string, string> environment) =>
        OperatorOptionsParser.Parse(args, name => environment.GetValueOrDefault(name));

    private static string[] Flags(bool withEquals, params (string Name, string Value)[] flags) =>
        withEquals
            ? [.. flags.Select(f => $"--{f.Name}={f.Value}")]
            : [.. flags.SelectMany(f => new[] { $"--{f.Name}", f.Value })];
}
