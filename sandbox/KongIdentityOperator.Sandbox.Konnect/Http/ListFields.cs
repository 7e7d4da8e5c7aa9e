using System.Collections.Immutable;

namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>Shorthands for the list fields Konnect APIs offer.</summary>
internal static class ListFields
{
    private static readonly string[] TextOperators = ["eq", "contains"];

    private static readonly string[] EqualsOperator = ["eq"];

    /// <summary>A string field filtered with <c>eq</c>/<c>contains</c>.</summary>
    public static ListField<T> Text<T>(string name, Func<T, string?> value, bool sortable = false) => new(name, value, TextOperators, sortable);

    /// <summary>An id filtered with <c>eq</c>.</summary>
    public static ListField<T> Id<T>(string name, Func<T, string?> value) => new(name, value, EqualsOperator, Sortable: false);

    /// <summary>A boolean filtered as <c>filter[x]=true</c>.</summary>
    public static ListField<T> Boolean<T>(string name, Func<T, bool> value) =>
        new(name, item => value(item) ? "true" : "false", EqualsOperator, Sortable: false);

    /// <summary>A timestamp that sorts but does not filter.</summary>
    public static ListField<T> Time<T>(string name, Func<T, DateTimeOffset> value) =>
        new(name, item => value(item).ToString("O"), [], Sortable: true) { SortKey = item => value(item) };

    /// <summary>Labels filtered with <c>eq</c> on <c>key:value</c> (or just <c>key</c> for presence).</summary>
    public static ListField<T> Labels<T>(Func<T, ImmutableDictionary<string, string>> labels) =>
        new("labels", _ => null, EqualsOperator, Sortable: false) { Matches = (item, filter) => MatchesLabel(labels(item), filter) };

    public static bool MatchesLabel(IReadOnlyDictionary<string, string> labels, string filter)
    {
        var separator = filter.IndexOf(':', StringComparison.Ordinal);
        return separator < 0
            ? labels.ContainsKey(filter)
            : labels.TryGetValue(filter[..separator], out var value) && value == filter[(separator + 1)..];
    }
}
