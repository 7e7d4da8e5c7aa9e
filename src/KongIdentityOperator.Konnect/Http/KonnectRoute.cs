using System.Text;

namespace KongIdentityOperator.Konnect.Http;

/// <summary>
/// A request path together with its template: the template (e.g. <c>/v1/auth-servers/{authServerId}</c>) is what
/// logs, metrics and exception messages show; the path carries the escaped values.
/// </summary>
internal readonly record struct KonnectRoute(string Template, string Path)
{
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create("/\\");

    /// <summary>Fills the <c>{…}</c> placeholders of <paramref name="template"/> in order, escaping each value.</summary>
    /// <exception cref="ArgumentException">
    /// A value is blank, <c>.</c> or <c>..</c>, holds a slash, backslash or control character (each would address another
    /// resource), or the count is wrong. The message names the placeholder, never the value.
    /// </exception>
    public static KonnectRoute Of(string template, params ReadOnlySpan<string> values)
    {
        var path = new StringBuilder(template.Length + 48);
        var next = 0;
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                path.Append(template, position, template.Length - position);
                break;
            }

            var close = template.IndexOf('}', open);
            var name = template[(open + 1)..close];
            if (next >= values.Length)
            {
                throw new ArgumentException($"No value for '{name}' in {template}.", nameof(values));
            }

            var value = values[next++];
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"'{name}' must not be empty.", name);
            }

            // A second line behind admission: . and .. would be resolved away by URI normalisation, and a slash (even
            // escaped, which some servers decode) or a control character could address another resource.
            if (value is "." or ".." || value.AsSpan().IndexOfAny(Forbidden) >= 0 || value.Any(char.IsControl))
            {
                throw new ArgumentException($"'{name}' must be a single path segment, not . or .., without / or \\.", name);
            }

            path.Append(template, position, open - position).Append(Uri.EscapeDataString(value));
            position = close + 1;
        }

        if (next != values.Length)
        {
            throw new ArgumentException($"Too many values for {template}.", nameof(values));
        }

        return new KonnectRoute(template, path.ToString());
    }

    /// <summary>Appends a fixed suffix, e.g. a nested collection.</summary>
    public KonnectRoute Append(string suffix) => new(Template + suffix, Path + suffix);

    /// <summary>Appends a suffix with placeholders.</summary>
    public KonnectRoute Append(string suffixTemplate, params ReadOnlySpan<string> values)
    {
        var suffix = Of(suffixTemplate, values);
        return new KonnectRoute(Template + suffix.Template, Path + suffix.Path);
    }
}
