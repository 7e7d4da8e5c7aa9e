using System.Text.RegularExpressions;
using KongIdentityOperator.Sandbox.KubeApi.Errors;

namespace KongIdentityOperator.Sandbox.KubeApi.Selectors;

/// <summary>
/// A parsed <c>labelSelector</c> query parameter: comma-separated requirements that must all hold
/// (<c>=</c>, <c>==</c>, <c>!=</c>, <c>in</c>, <c>notin</c>, <c>key</c>, <c>!key</c>).
/// </summary>
internal sealed partial class LabelSelector
{
    public static readonly LabelSelector Everything = new([]);

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements) => Requirements = requirements;

    public IReadOnlyList<LabelRequirement> Requirements { get; }

    public bool IsEmpty => Requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => Requirements.All(r => r.Matches(labels));

    /// <summary>Parses the selector; a malformed one is a 400 like the real server's.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<LabelRequirement>();
        foreach (var clause in SplitClauses(text))
        {
            requirements.Add(ParseClause(clause.Trim(), text));
        }

        return new LabelSelector(requirements);
    }

    private static LabelRequirement ParseClause(string clause, string whole)
    {
        Match match;
        if ((match = SetPattern().Match(clause)).Success)
        {
            var values = match.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var value in values)
            {
                CheckValue(value, whole);
            }

            var op = match.Groups["op"].Value == "in" ? LabelOperator.In : LabelOperator.NotIn;
            return new LabelRequirement(CheckKey(match.Groups["key"].Value, whole), op, values);
        }

        if ((match = ComparePattern().Match(clause)).Success)
        {
            var op = match.Groups["op"].Value == "!=" ? LabelOperator.NotEquals : LabelOperator.Equals;
            var value = match.Groups["value"].Value.Trim();
            CheckValue(value, whole);
            return new LabelRequirement(CheckKey(match.Groups["key"].Value, whole), op, [value]);
        }

        if (clause.StartsWith('!'))
        {
            return new LabelRequirement(CheckKey(clause[1..].Trim(), whole), LabelOperator.DoesNotExist, []);
        }

        return new LabelRequirement(CheckKey(clause, whole), LabelOperator.Exists, []);
    }

    private static string CheckKey(string key, string whole)
    {
        key = key.Trim();
        if (!KeyPattern().IsMatch(key))
        {
            throw ApiErrors.BadRequest($"unable to parse requirement: invalid label key \"{key}\" in selector \"{whole}\"");
        }

        return key;
    }

    private static void CheckValue(string value, string whole)
    {
        if (value.Length > 0 && !ValuePattern().IsMatch(value))
        {
            throw ApiErrors.BadRequest($"unable to parse requirement: invalid label value \"{value}\" in selector \"{whole}\"");
        }
    }

    /// <summary>Splits on commas that are not inside a parenthesised value set.</summary>
    private static IEnumerable<string> SplitClauses(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }

        if (depth != 0)
        {
            throw ApiErrors.BadRequest($"unable to parse requirement: unbalanced parentheses in selector \"{text}\"");
        }

        yield return text[start..];
    }

    [GeneratedRegex(@"^(?<key>[^\s!=()]+)\s+(?<op>in|notin)\s*\((?<values>[^()]*)\)$")]
    private static partial Regex SetPattern();

    [GeneratedRegex(@"^(?<key>[^\s!=()]+)\s*(?<op>==|=|!=)\s*(?<value>[^=!()]*)$")]
    private static partial Regex ComparePattern();

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex ValuePattern();
}
