using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>The Sprig-like functions claim templates may call (a subset of Konnect's list).</summary>
internal static class TemplateFunctions
{
    private const string AlphaNumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly Dictionary<string, Function> Functions = new(StringComparer.Ordinal)
    {
        ["uuidv4"] = new(0, 0, (_, _) => Guid.NewGuid().ToString()),
        ["now"] = new(0, 0, (_, context) => context.Now),
        ["upper"] = new(1, 1, (args, _) => Text(args[0]).ToUpperInvariant()),
        ["lower"] = new(1, 1, (args, _) => Text(args[0]).ToLowerInvariant()),
        ["trim"] = new(1, 1, (args, _) => Text(args[0]).Trim()),
        ["title"] = new(1, 1, (args, _) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(Text(args[0]))),
        ["quote"] = new(1, 1, (args, _) => "\"" + Text(args[0]) + "\""),
        ["default"] = new(2, 2, (args, _) => IsEmpty(args[1]) ? args[0] : args[1]),
        ["randAlphaNum"] = new(1, 1, (args, _) => RandomNumberGenerator.GetString(AlphaNumeric, Integer(args[0]))),
        ["b64enc"] = new(1, 1, (args, _) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(args[0])))),
        ["b64dec"] = new(1, 1, (args, _) => Encoding.UTF8.GetString(Convert.FromBase64String(Text(args[0])))),
        ["toJson"] = new(1, 1, (args, _) => Json(args[0])),
        ["join"] = new(2, 2, (args, _) => string.Join(Text(args[0]), Items(args[1]))),
        ["date"] = new(2, 2, (args, _) => GoTimeLayout.Format(Text(args[0]), Time(args[1]))),
        ["unixEpoch"] = new(1, 1, (args, _) => Time(args[0]).ToUnixTimeSeconds()),
    };

    /// <summary>Throws unless <paramref name="name"/> is a function taking <paramref name="argumentCount"/> arguments.</summary>
    public static void Check(string name, int argumentCount)
    {
        if (!Functions.TryGetValue(name, out var function))
        {
            throw new TemplateException($"function \"{name}\" not defined");
        }

        if (argumentCount < function.MinArguments || argumentCount > function.MaxArguments)
        {
            throw new TemplateException($"wrong number of args for {name}: want {function.MinArguments}, got {argumentCount}");
        }
    }

    public static object? Invoke(string name, IReadOnlyList<object?> arguments, TemplateContext context)
    {
        try
        {
            return Functions[name].Invoke(arguments, context);
        }
        catch (FormatException exception)
        {
            throw new TemplateException($"error calling {name}: {exception.Message}", exception);
        }
    }

    /// <summary>How a value prints into the rendered claim.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        long number => number.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
        IEnumerable<string> items => Json(items.ToList()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        bool flag => !flag,
        long number => number == 0,
        ICollection collection => collection.Count == 0,
        _ => false,
    };

    private static int Integer(object? value) => value switch
    {
        long number when number is >= 0 and <= 4096 => (int)number,
        string text when int.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 0 and <= 4096 => parsed,
        _ => throw new TemplateException("expected a non-negative integer"),
    };

    private static DateTimeOffset Time(object? value) => value switch
    {
        DateTimeOffset time => time,
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new TemplateException("expected a time"),
    };

    private static IEnumerable<string> Items(object? value) => value switch
    {
        IEnumerable<string> items => items,
        null => [],
        _ => [Text(value)],
    };

    private static string Json(object? value) => value switch
    {
        null => "null",
        string text => JsonSerializer.Serialize(text, TemplateJsonContext.Default.String),
        bool flag => flag ? "true" : "false",
        long number => number.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset time => JsonSerializer.Serialize(Text(time), TemplateJsonContext.Default.String),
        IEnumerable<string> items => JsonSerializer.Serialize(items.ToList(), TemplateJsonContext.Default.ListString),
        _ => JsonSerializer.Serialize(Text(value), TemplateJsonContext.Default.String),
    };

    private sealed record Function(int MinArguments, int MaxArguments, Func<IReadOnlyList<object?>, TemplateContext, object?> Invoke);
}
