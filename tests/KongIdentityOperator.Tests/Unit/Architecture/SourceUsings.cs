using System.Text.RegularExpressions;

namespace KongIdentityOperator.Tests.Unit.Architecture;

/// <summary>
/// The namespace edges the source states with <c>using</c> lines: what the compiled code cannot show (a constant is
/// copied into the IL of its user, leaving no reference behind).
/// </summary>
internal static partial class SourceUsings
{
    public static IReadOnlyDictionary<string, HashSet<string>> Of(string sourceFolder, string rootNamespace)
    {
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            if (NamespaceLine().Match(text) is not { Success: true } declared)
            {
                continue;
            }

            var from = declared.Groups[1].Value;
            var imported = UsingLine().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(AliasLine().Matches(text).Select(m => m.Groups[1].Value));
            foreach (var to in imported)
            {
                if (to != from && to.StartsWith(rootNamespace + ".", StringComparison.Ordinal))
                {
                    (edges.TryGetValue(from, out var set) ? set : edges[from] = new HashSet<string>(StringComparer.Ordinal)).Add(to);
                }
            }
        }

        return edges;
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    /// <summary><c>using Name = Namespace.Type;</c>: the type's namespace.</summary>
    [GeneratedRegex(@"^using \w+ = ([\w.]+)\.\w+;", RegexOptions.Multiline)]
    private static partial Regex AliasLine();
}
