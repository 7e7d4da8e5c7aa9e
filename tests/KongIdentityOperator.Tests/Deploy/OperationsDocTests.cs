using System.Text.RegularExpressions;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// <c>docs/operations.md</c> holds the one flags table (the README links to it); it lists exactly the flags of the
/// System.CommandLine definition, each with its value and environment variable.
/// </summary>
public sealed partial class OperationsDocTests
{
    [Fact]
    public void The_flags_table_lists_every_flag_with_its_environment_variable_and_nothing_else()
    {
        var rows = FlagRows(File.ReadAllText(RepositoryRoot.Combine("docs", "operations.md")));

        var expected = new OperatorCommand().Flags.Select(o => (o.Usage, o.EnvironmentVariable)).Order().ToList();
        Assert.Equal(expected, rows.Order().ToList());
    }

    [Fact]
    public void The_README_links_to_the_table_instead_of_keeping_a_copy()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));

        Assert.Contains("(docs/operations.md#flags-and-environment-variables)", readme, StringComparison.Ordinal);
        Assert.DoesNotMatch(FlagRow(), readme);
    }

    [Fact]
    public void The_table_reader_sees_escaped_pipes_as_part_of_a_cell()
    {
        const string Doc = """
            ## Flags and environment variables

            | Flag | Environment variable | Meaning |
            |---|---|---|
            | `--leader-elect [true\|false]` | `LEADER_ELECT` | a \| b |

            ## Next
            | `--not-a-flag <x>` | `IGNORED` | outside the section |
            """;

        Assert.Equal([("--leader-elect [true|false]", "LEADER_ELECT")], FlagRows(Doc));
    }

    /// <summary>The (flag with value, variable) pairs of the table under "## Flags and environment variables".</summary>
    private static List<(string Flag, string Variable)> FlagRows(string markdown)
    {
        var section = markdown[markdown.IndexOf("## Flags and environment variables", StringComparison.Ordinal)..];
        var end = section.IndexOf("\n## ", 3, StringComparison.Ordinal);
        section = end < 0 ? section : section[..end];
        return [.. FlagRow().Matches(section).Select(m => (m.Groups["flag"].Value.Replace("\\|", "|", StringComparison.Ordinal), m.Groups["variable"].Value))];
    }

    [GeneratedRegex(@"^\|\s*`(?<flag>--(?:[^`\\]|\\.)+)`\s*\|\s*`(?<variable>[A-Z_]+)`\s*\|", RegexOptions.Multiline)]
    private static partial Regex FlagRow();
}
