using System.Reflection;
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
    public void Help_lists_the_flag_with_its_environment_variable(string flag, string variable)
    {
        var line = Assert.Single(Run("--help").Output.Split('\n'), l => l.TrimStart().StartsWith($"--{flag} ", StringComparison.Ordinal));

        Assert.EndsWith($"[{variable}]", line.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_defined_option_is_documented_and_nothing_else()
    {
        Assert.Equal(DocumentedOptions.Order(), new OperatorCommand().Flags.Select(o => (o.Name, o.EnvironmentVariable)).Order());
    }

    [Fact]
    public void Every_option_has_help_text() =>
        Assert.All(new OperatorCommand().Flags, o => Assert.False(string.IsNullOrWhiteSpace(o.Option.Description), o.Name));

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_prints_the_usage_and_exits_zero(string flag)
    {
        var run = Run(flag);

        Assert.Equal(0, run.ExitCode);
        Assert.Null(run.Options);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Contains("--konnect-token-file <path>", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Version_prints_the_informational_version_and_exits_zero()
    {
        var run = Run("--version");

        var expected = typeof(OperatorCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Output.Trim());
        Assert.Null(run.Options);
    }

    [Theory]
    [InlineData("--no-such-flag", "error: unknown flag --no-such-flag")]
    [InlineData("--no-such-flag=kpat_VerySecret", "error: unknown flag --no-such-flag")]
    [InlineData("--http-port=eighty", "error: --http-port: 'eighty' is not a whole number from 0 to 65535")]
    public void A_bad_command_line_prints_one_line_and_exits_two(string arg, string start)
    {
        var run = Run(arg);

        Assert.Equal(2, run.ExitCode);
        Assert.Null(run.Options);
        Assert.Empty(run.Output);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(start, line, StringComparison.Ordinal);
        Assert.DoesNotContain("VerySecret", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_command_line_yields_the_options_and_prints_nothing()
    {
        var run = Run("--http-port", "9090");

        Assert.Equal(9090, run.Options?.HttpPort);
        Assert.Empty(run.Output);
        Assert.Empty(run.Error);
    }

    private static (OperatorOptions? Options, int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var outcome = OperatorCommandLine.Parse(args, _ => null, output, error);
        return (outcome.Options, outcome.ExitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }
}
