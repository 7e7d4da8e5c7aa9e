using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Cel;

namespace KongIdentityOperator.Tests.Unit.Cel;

/// <summary>Compiles CRD rules once with the <c>Cel</c> package and evaluates them on JSON values.</summary>
internal static class CelRules
{
    private static readonly CelEnvironment Environment = new(null, null);
    private static readonly ConcurrentDictionary<string, CelProgramDelegate> Programs = new(StringComparer.Ordinal);

    public static bool IsTransition(string rule) => rule.Contains("oldSelf", StringComparison.Ordinal);

    /// <summary>Compiles the rule; throws with the library's message when it cannot.</summary>
    public static CelProgramDelegate Compile(string rule) => Programs.GetOrAdd(rule, r => Environment.Compile(r));

    public static RuleVerdict Evaluate(string rule, JsonNode? self, JsonNode? oldSelf = null)
    {
        var variables = new Dictionary<string, object?> { ["self"] = CelValues.From(self) };
        if (oldSelf is not null)
        {
            variables["oldSelf"] = CelValues.From(oldSelf);
        }

        try
        {
            var result = Compile(rule)(variables);
            return result is bool verdict ? new RuleVerdict(verdict, null) : new RuleVerdict(null, $"not a bool: {result}");
        }
#pragma warning disable CA1031 // Any failure of the library is a verdict to report, not a crash of the test.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new RuleVerdict(null, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
