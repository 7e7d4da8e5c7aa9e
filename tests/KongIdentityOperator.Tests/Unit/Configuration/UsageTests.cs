using KongIdentityOperator.Configuration;

namespace KongIdentityOperator.Tests.Unit.Configuration;

public sealed class UsageTests
{
    // The documented interface, written out so that dropping or renaming a flag is a visible change.
    private static readonly (string Flag, string Variable)[] DocumentedOptions =
    [
        ("kubeconfig", "KUBECONFIG"),
        ("namespaces", "WATCH_NAMESPACES"),
        ("konnect-server-url", "KONNECT_SERVER_URL"),
        ("allowed-konnect-servers", "ALLOWED_KONNECT_SERVERS"),
        ("konnect-token", "KONNECT_TOKEN"),
        ("konnect-token-file", "KONNECT_TOKEN_FILE"),
        ("default-token-namespaces", "DEFAULT_TOKEN_NAMESPACES"),
        ("konnect-region", "KONNECT_REGION"),
        ("konnect-rate-limit", "KONNECT_RATE_LIMIT"),
        ("konnect-max-in-flight", "KONNECT_MAX_IN_FLIGHT"),
        ("konnect-call-timeout", "KONNECT_CALL_TIMEOUT"),
        ("resync-period", "RESYNC_PERIOD"),
        ("max-concurrent-reconciles", "MAX_CONCURRENT_RECONCILES"),
        ("http-port", "HTTP_PORT"),
        ("leader-elect", "LEADER_ELECT"),
        ("leader-election-namespace", "LEADER_ELECTION_NAMESPACE"),
    ];

    public static TheoryData<string, string> Documented()
    {
        var data = new TheoryData<string, string>();
        foreach (var (flag, variable) in DocumentedOptions)
        {
            data.Add(flag, variable);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documented))]
    public void Usage_lists_the_flag_with_its_environment_variable(string flag, string variable)
    {
        var line = Usage.Text.Split('\n').SkipWhile(l => !l.StartsWith($"  --{flag} ", StringComparison.Ordinal)).Take(2).ToList();

        Assert.Equal(2, line.Count);
        Assert.EndsWith($"[{variable}]", line[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_defined_option_is_documented_and_nothing_else()
    {
        Assert.Equal(DocumentedOptions.Order(), OptionDefinitions.All.Select(o => (o.Name, o.EnvironmentVariable)).Order());
    }

    [Fact]
    public void Every_option_has_help_text() =>
        Assert.All(OptionDefinitions.All, o => Assert.False(string.IsNullOrWhiteSpace(o.Help), o.Name));

    [Fact]
    public void Usage_starts_with_the_command_line_shape() =>
        Assert.StartsWith("usage: KongIdentityOperator [flags]", Usage.Text, StringComparison.Ordinal);
}
