using System.Text;

namespace KongIdentityOperator.Sandbox.Konnect.Tests.Support;

/// <summary>A thread-safe TextWriter that hands out the lines written to it.</summary>
public sealed class LineWriter : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    /// <summary>Waits (up to 30 s) for a full line starting with <paramref name="prefix"/>.</summary>
    public async Task<string> WaitForLineAsync(string prefix)
    {
        string? line = null;
        await Eventually.TrueAsync(() =>
        {
            line = Text.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.EndsWith('\r') is false);
            return line is not null && Text.Contains(line + Environment.NewLine, StringComparison.Ordinal);
        },
        $"a line starting with {prefix}",
        TimeSpan.FromSeconds(30));
        return line!;
    }
}
