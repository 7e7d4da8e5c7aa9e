using System.Text;

namespace KongIdentityOperator.Chaos.Security;

/// <summary>
/// Looks for secret values (and their base64 forms, as a Secret's JSON would carry them) in everything the operator
/// said or wrote. Findings name the secret by a label and the place by source and line — never the value itself.
/// </summary>
internal sealed class LeakScanner
{
    private readonly List<(string Label, string Needle)> _needles = [];
    private readonly List<string> _findings = [];
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Findings => _findings;

    /// <summary>How many distinct secret values the scan looks for.</summary>
    public int SecretsWatched => _values.Count;

    public int SourcesScanned { get; private set; }

    public long CharactersScanned { get; private set; }

    public LeakScanner Watch(string label, string value)
    {
        if (value.Length < 8)
        {
            throw new ArgumentException($"{label} is too short to scan for without false alarms", nameof(value));
        }

        if (!_values.Add(value))
        {
            return this;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        var base64 = Convert.ToBase64String(bytes);
        foreach (var needle in new[] { value, base64.TrimEnd('='), base64.TrimEnd('=').Replace('+', '-').Replace('/', '_') }.Distinct(StringComparer.Ordinal))
        {
            _needles.Add((label, needle));
        }

        return this;
    }

    public void Scan(string source, string text)
    {
        SourcesScanned++;
        CharactersScanned += text.Length;
        foreach (var (label, needle) in _needles)
        {
            var at = text.IndexOf(needle, StringComparison.Ordinal);
            if (at >= 0)
            {
                var line = 1 + text.AsSpan(0, at).Count('\n');
                _findings.Add($"{label} found in {source} (line {line})");
            }
        }
    }

    public void ScanFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        Scan(Path.GetFileName(path), reader.ReadToEnd());
    }
}
