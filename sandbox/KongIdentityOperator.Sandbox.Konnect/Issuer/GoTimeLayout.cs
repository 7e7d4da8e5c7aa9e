using System.Globalization;
using System.Text;

namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>Formats a time with a Go reference layout (<c>2006-01-02T15:04:05Z07:00</c>), the common tokens only.</summary>
internal static class GoTimeLayout
{
    // Longest tokens first so "2006" wins over "06" and "Z07:00" over "07".
    private static readonly (string Token, Func<DateTimeOffset, string> Format)[] Tokens =
    [
        ("Z07:00", t => t.Offset == TimeSpan.Zero ? "Z" : t.ToString("zzz", CultureInfo.InvariantCulture)),
        ("-07:00", t => t.ToString("zzz", CultureInfo.InvariantCulture)),
        ("2006", t => t.ToString("yyyy", CultureInfo.InvariantCulture)),
        ("January", t => t.ToString("MMMM", CultureInfo.InvariantCulture)),
        ("Monday", t => t.ToString("dddd", CultureInfo.InvariantCulture)),
        ("Jan", t => t.ToString("MMM", CultureInfo.InvariantCulture)),
        ("Mon", t => t.ToString("ddd", CultureInfo.InvariantCulture)),
        ("MST", t => t.Offset == TimeSpan.Zero ? "UTC" : t.ToString("zzz", CultureInfo.InvariantCulture)),
        (".000", t => t.ToString(".fff", CultureInfo.InvariantCulture)),
        ("01", t => t.ToString("MM", CultureInfo.InvariantCulture)),
        ("02", t => t.ToString("dd", CultureInfo.InvariantCulture)),
        ("15", t => t.ToString("HH", CultureInfo.InvariantCulture)),
        ("04", t => t.ToString("mm", CultureInfo.InvariantCulture)),
        ("05", t => t.ToString("ss", CultureInfo.InvariantCulture)),
        ("06", t => t.ToString("yy", CultureInfo.InvariantCulture)),
    ];

    public static string Format(string layout, DateTimeOffset time)
    {
        var result = new StringBuilder();
        var index = 0;
        while (index < layout.Length)
        {
            var match = Tokens.FirstOrDefault(t => string.CompareOrdinal(layout, index, t.Token, 0, t.Token.Length) == 0);
            if (match.Token is null)
            {
                result.Append(layout[index++]);
                continue;
            }

            result.Append(match.Format(time));
            index += match.Token.Length;
        }

        return result.ToString();
    }
}
