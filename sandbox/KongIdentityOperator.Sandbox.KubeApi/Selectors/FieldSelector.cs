using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Selectors;

/// <summary>
/// A parsed <c>fieldSelector</c>: <c>field=value</c>, <c>field==value</c> or <c>field!=value</c> terms, all of which
/// must hold. Custom resources accept only <c>metadata.name</c> and <c>metadata.namespace</c>, like the real server.
/// </summary>
internal sealed class FieldSelector
{
    public static readonly FieldSelector Everything = new([]);

    private FieldSelector(IReadOnlyList<FieldTerm> terms) => Terms = terms;

    public IReadOnlyList<FieldTerm> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>Whether the object matches; <paramref name="valueOf"/> yields a field's text or null when absent.</summary>
    public bool Matches(Func<string, string?> valueOf) =>
        Terms.All(t => string.Equals(valueOf(t.Field) ?? string.Empty, t.Value, StringComparison.Ordinal) != t.Negated);

    /// <summary>Parses the selector as the resource accepts it, with field paths mapped to the stored form.</summary>
    public static FieldSelector Parse(string? text, ResourceDefinition definition)
    {
        var parsed = Parse(text, onlyMetadataFields: definition.IsCustom);
        return definition.Conversion is { } conversion
            ? new FieldSelector([.. parsed.Terms.Select(t => t with { Field = conversion.StorageField(t.Field) })])
            : parsed;
    }

    public static FieldSelector Parse(string? text, bool onlyMetadataFields)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<FieldTerm>();
        foreach (var raw in text.Split(','))
        {
            var term = raw.Trim();
            var (field, value, negated) = term.IndexOf("!=", StringComparison.Ordinal) is var ne and > 0
                ? (term[..ne], term[(ne + 2)..], true)
                : term.IndexOf("==", StringComparison.Ordinal) is var eq2 and > 0
                    ? (term[..eq2], term[(eq2 + 2)..], false)
                    : term.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                        ? (term[..eq], term[(eq + 1)..], false)
                        : throw ApiErrors.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            field = field.Trim();
            if (onlyMetadataFields && field is not ("metadata.name" or "metadata.namespace"))
            {
                throw ApiErrors.BadRequest($"field label not supported: {field}");
            }

            terms.Add(new FieldTerm(field, value.Trim(), negated));
        }

        return new FieldSelector(terms);
    }
}
