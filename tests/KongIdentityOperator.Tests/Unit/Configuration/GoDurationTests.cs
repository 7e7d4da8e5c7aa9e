using System.Text.RegularExpressions;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Transpiler;

namespace KongIdentityOperator.Tests.Unit.Configuration;

public sealed class GoDurationTests
{
    public static TheoryData<string, long> Valid() => new()
    {
        { "90s", TimeSpan.FromSeconds(90).Ticks },
        { "10m", TimeSpan.FromMinutes(10).Ticks },
        { "1h30m", TimeSpan.FromMinutes(90).Ticks },
        { "720h", TimeSpan.FromHours(720).Ticks },
        { "1h0m0s", TimeSpan.FromHours(1).Ticks },
        { "1.5h", TimeSpan.FromMinutes(90).Ticks },
        { "0.5s", TimeSpan.FromMilliseconds(500).Ticks },
        { "500ms", TimeSpan.FromMilliseconds(500).Ticks },
        { "250us", TimeSpan.FromMicroseconds(250).Ticks },
        { "250µs", TimeSpan.FromMicroseconds(250).Ticks },
        { "1000ns", TimeSpan.FromMicroseconds(1).Ticks },
        { "2h45m30s", new TimeSpan(2, 45, 30).Ticks },
        { "1m1m", TimeSpan.FromMinutes(2).Ticks },
        { "0s", 0 },
    };

    public static TheoryData<string> ValidTexts() => [.. Valid().Select(row => row.Data.Item1)];

    public static TheoryData<string> Invalid() =>
    [
        "", " ", "10", "h", "1d", "1w", "-1h", "+1h", "1 h", "1h 30m", " 1h", "1h ", "1H", "1.h", ".5h", "1,5h",
        "1hour", "P1D", "01:00:00", "1e3s", "99999999999999999999h",
    ];

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_durations_parse(string text, long ticks)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromTicks(ticks), duration);
        Assert.Equal(TimeSpan.FromTicks(ticks), GoDuration.Parse(text));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_durations_are_refused(string text)
    {
        Assert.False(GoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.Zero, duration);
    }

    [Fact]
    public void Null_is_no_duration() => Assert.False(GoDuration.TryParse(null, out _));

    [Fact]
    public void Parse_names_the_bad_text_and_the_expected_form()
    {
        var error = Assert.Throws<FormatException>(() => GoDuration.Parse("1d"));

        Assert.Contains("'1d'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1h30m", error.Message, StringComparison.Ordinal);
    }

    // The CRD pattern on spec.secret.rotationPeriod must admit exactly what the operator can parse, or a Client is
    // accepted by the API server and then stalls (or the reverse).
    [Theory]
    [MemberData(nameof(ValidTexts))]
    public void The_crd_pattern_admits_every_valid_duration(string text) => Assert.Matches(RotationPeriodPattern(), text);

    [Theory]
    [MemberData(nameof(Invalid))]
    public void The_crd_pattern_refuses_malformed_durations(string text)
    {
        if (text == "99999999999999999999h")
        {
            return; // Well-formed but too large: admitted, and the Client then stalls as invalid.
        }

        Assert.DoesNotMatch(RotationPeriodPattern(), text);
    }

    private static Regex RotationPeriodPattern()
    {
        var spec = CrdTranspiler.Transpile<Client>().Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"];
        return new Regex(spec.Properties["secret"].Properties["rotationPeriod"].Pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
