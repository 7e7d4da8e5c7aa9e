using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;

namespace KongIdentityOperator.Sandbox.KubeApi.Tables;

/// <summary>
/// The JSONPath subset printer columns use: <c>.a.b</c>, <c>['a.b']</c>, <c>[0]</c>, <c>[*]</c> and filters such as
/// <c>[?(@.type=="Ready")]</c> (with <c>==</c> or <c>!=</c>, single or double quotes).
/// </summary>
internal static class SimpleJsonPath
{
    public static IReadOnlyList<JsonNode?> Evaluate(JsonNode? root, string path)
    {
        IReadOnlyList<JsonNode?> current = [root];
        var text = path.Trim();
        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            text = text[1..^1];
        }

        if (text.StartsWith('$'))
        {
            text = text[1..];
        }

        var i = 0;
        while (i < text.Length && current.Count > 0)
        {
            if (text[i] == '.')
            {
                var end = i + 1;
                while (end < text.Length && text[end] is not ('.' or '['))
                {
                    end++;
                }

                var name = text[(i + 1)..end];
                current = name.Length == 0 ? current : [.. current.Select(n => n.At(name)).Where(n => n is not null)];
                i = end;
            }
            else if (text[i] == '[')
            {
                var end = FindClose(text, i);
                current = Bracket(current, text[(i + 1)..end].Trim());
                i = end + 1;
            }
            else
            {
                return [];
            }
        }

        return current;
    }

    /// <summary>The first match, or null.</summary>
    public static JsonNode? First(JsonNode? root, string path) => Evaluate(root, path) is { Count: > 0 } found ? found[0] : null;

    private static int FindClose(string text, int open)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    private static IReadOnlyList<JsonNode?> Bracket(IReadOnlyList<JsonNode?> current, string inner)
    {
        if (inner == "*")
        {
            return [.. current.SelectMany(n => n switch
            {
                JsonArray a => a.AsEnumerable(),
                JsonObject o => o.Select(p => p.Value),
                _ => [],
            })];
        }

        if (inner.StartsWith('\'') || inner.StartsWith('"'))
        {
            var name = inner[1..^1];
            return [.. current.Select(n => n.At(name)).Where(n => n is not null)];
        }

        if (int.TryParse(inner, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return [.. current.OfType<JsonArray>().Select(a => index < 0 ? (a.Count + index >= 0 ? a[a.Count + index] : null) : index < a.Count ? a[index] : null).Where(n => n is not null)];
        }

        if (inner.StartsWith("?(", StringComparison.Ordinal) && inner.EndsWith(')'))
        {
            return Filter(current, inner[2..^1].Trim());
        }

        return [];
    }

    private static IReadOnlyList<JsonNode?> Filter(IReadOnlyList<JsonNode?> current, string condition)
    {
        var negate = condition.Contains("!=", StringComparison.Ordinal);
        var parts = condition.Split(negate ? "!=" : "==", 2, StringSplitOptions.TrimEntries);
        var items = current.SelectMany(n => n is JsonArray a ? a.AsEnumerable() : [n]).ToList();
        if (parts.Length != 2 || !parts[0].StartsWith('@'))
        {
            // Existence test, e.g. [?(@.name)].
            return [.. items.Where(item => First(item, condition.TrimStart('@')) is not null)];
        }

        var expected = parts[1].Trim('\'', '"');
        return [.. items.Where(item => (First(item, parts[0][1..]).ScalarText() == expected) != negate)];
    }
}
