using System.Globalization;
using System.Text;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Operations;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>
/// The write query parameters (dryRun, fieldManager, fieldValidation, force), validated as apimachinery's
/// Validate{Create,Update,Patch}Options do: a bad value is 422 Invalid on the options kind.
/// </summary>
internal static class QueryOptions
{
    private const int FieldManagerMaxLength = 128;

    public static WriteContext WriteContext(HttpRequest request, string optionsKind, PatchKind? patch = null)
    {
        var query = request.Query;
        var errors = new List<FieldError>();
        var dryRunValues = query["dryRun"].Select(v => v ?? string.Empty).ToList();
        if (dryRunValues.Any(v => v != "All"))
        {
            errors.Add(new FieldError(
                FieldError.NotSupported,
                "dryRun",
                $"Unsupported value: []string{{{string.Join(", ", dryRunValues.Select(QueryParameters.Quote))}}}: supported values: \"All\""));
        }

        var validationText = QueryParameters.String(query, "fieldValidation");
        var validation = validationText switch
        {
            "" or "Warn" => FieldValidation.Warn,
            "Strict" => FieldValidation.Strict,
            "Ignore" => FieldValidation.Ignore,
            _ => FieldValidation.Warn,
        };
        if (validationText is not ("" or "Warn" or "Strict" or "Ignore"))
        {
            errors.Add(new FieldError(
                FieldError.NotSupported,
                "fieldValidation",
                $"Unsupported value: {QueryParameters.Quote(validationText)}: supported values: \"\", \"Ignore\", \"Strict\", \"Warn\""));
        }

        var manager = QueryParameters.String(query, "fieldManager");
        errors.AddRange(ValidateFieldManager(manager));
        var force = QueryParameters.OptionalBool(query, "force");
        if (patch is { } kind && kind != PatchKind.Apply && force is not null)
        {
            errors.Add(new FieldError(FieldError.Forbidden, "force", "Forbidden: may not be specified for non-apply patch"));
        }

        if (patch == PatchKind.Apply && manager.Length == 0)
        {
            errors.Insert(0, new FieldError(FieldError.Required, "fieldManager", "Required value: is required for apply patch"));
        }

        if (errors.Count > 0)
        {
            throw ApiErrors.InvalidOptions(optionsKind, errors);
        }

        var resolved = manager.Length > 0 ? manager : ManagerFromUserAgent(request.Headers.UserAgent.ToString());
        return new WriteContext(dryRunValues.Count > 0, resolved, validation, force ?? false);
    }

    /// <summary>
    /// Without <c>fieldManager</c>, non-apply writes are recorded under the user agent's product name (the part
    /// before the first '/', printable characters only, at most 128 bytes), as the real field manager does.
    /// </summary>
    public static string ManagerFromUserAgent(string userAgent)
    {
        var product = userAgent.Split('/')[0];
        var builder = new StringBuilder();
        foreach (var rune in product.EnumerateRunes())
        {
            if (!IsPrintable(rune))
            {
                continue;
            }

            if (Encoding.UTF8.GetByteCount(builder.ToString()) + rune.Utf8SequenceLength > FieldManagerMaxLength)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    public static long? ResourceVersion(string? text) =>
        string.IsNullOrEmpty(text) || text == "0"
            ? null
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rv)
                ? rv
                : throw ApiErrors.BadRequest($"invalid resource version \"{text}\"");

    private static IEnumerable<FieldError> ValidateFieldManager(string manager)
    {
        if (Encoding.UTF8.GetByteCount(manager) > FieldManagerMaxLength)
        {
            yield return new FieldError(FieldError.TooLong, "fieldManager", $"Too long: may not be more than {FieldManagerMaxLength} bytes");
        }

        var position = 0;
        foreach (var rune in manager.EnumerateRunes())
        {
            if (!IsPrintable(rune))
            {
                yield return new FieldError(
                    FieldError.Invalid,
                    "fieldManager",
                    $"Invalid value: {QueryParameters.Quote(manager)}: invalid character U+{rune.Value:X4} (at position {position})");
            }

            position += rune.Utf8SequenceLength;
        }
    }

    // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static bool IsPrintable(Rune rune) =>
        rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
}
