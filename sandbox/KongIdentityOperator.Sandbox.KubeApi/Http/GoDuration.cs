using System.Globalization;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>Go's <c>time.ParseDuration</c>: "300ms", "-1.5h", "2h45m"; its error texts on failure.</summary>
internal static class GoDuration
{
    private static readonly Dictionary<string, decimal> TicksPerUnit = new(StringComparer.Ordinal)
    {
        ["ns"] = 0.01m,
        ["us"] = 10m,
        ["µs"] = 10m,
        ["μs"] = 10m,
        ["ms"] = TimeSpan.TicksPerMillisecond,
        ["s"] = TimeSpan.TicksPerSecond,
        ["m"] = TimeSpan.TicksPerMinute,
        ["h"] = TimeSpan.TicksPerHour,
    };

    public static TimeSpan Parse(string text)
    {
        var rest = text;
        var negative = false;
        if (rest.Length > 0 && rest[0] is '-' or '+')
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest == "0")
        {
            return TimeSpan.Zero;
        }

        if (rest.Length == 0)
        {
            throw Invalid(text);
        }

        decimal ticks = 0;
        while (rest.Length > 0)
        {
            if (!(rest[0] == '.' || char.IsAsciiDigit(rest[0])))
            {
                throw Invalid(text);
            }

            var number = TakeWhile(ref rest, char.IsAsciiDigit);
            var fraction = string.Empty;
            if (rest.StartsWith('.'))
            {
                rest = rest[1..];
                fraction = TakeWhile(ref rest, char.IsAsciiDigit);
            }

            if (number.Length == 0 && fraction.Length == 0)
            {
                throw Invalid(text);
            }

            var unit = TakeWhile(ref rest, c => c != '.' && !char.IsAsciiDigit(c));
            if (unit.Length == 0)
            {
                throw new FormatException($"time: missing unit in duration {QueryParameters.Quote(text)}");
            }

            if (!TicksPerUnit.TryGetValue(unit, out var scale))
            {
                throw new FormatException($"time: unknown unit {QueryParameters.Quote(unit)} in duration {QueryParameters.Quote(text)}");
            }

            try
            {
                var value = decimal.Parse($"{(number.Length == 0 ? "0" : number)}.{(fraction.Length == 0 ? "0" : fraction)}", CultureInfo.InvariantCulture);
                ticks += value * scale;
            }
            catch (OverflowException)
            {
                throw Invalid(text);
            }

            if (ticks > long.MaxValue)
            {
                throw Invalid(text);
            }
        }

        return TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
    }

    private static string TakeWhile(ref string text, Func<char, bool> predicate)
    {
        var length = 0;
        while (length < text.Length && predicate(text[length]))
        {
            length++;
        }

        var taken = text[..length];
        text = text[length..];
        return taken;
    }

    private static FormatException Invalid(string text) => new($"time: invalid duration {QueryParameters.Quote(text)}");
}
