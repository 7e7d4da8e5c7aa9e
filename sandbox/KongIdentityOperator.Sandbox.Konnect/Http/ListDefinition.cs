using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>
/// Page-number listing of Konnect-native APIs: <c>page[size]</c>, <c>page[number]</c>, <c>sort</c> and deepObject
/// <c>filter[field][op]</c> (a bare <c>filter[field]</c> means <c>eq</c>). Items arrive in creation order.
/// </summary>
internal sealed partial class ListDefinition<T>(params ListField<T>[] fields)
{
    public const int DefaultPageSize = 10;

    public const int MaxPageSize = 100;

    private readonly Dictionary<string, ListField<T>> _fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public ListResponse<TOut> Page<TOut>(IQueryCollection query, IReadOnlyList<T> items, Func<T, TOut> map)
    {
        var errors = new List<InvalidParameter>();
        var size = ReadPageNumber(query, "page[size]", DefaultPageSize, MaxPageSize, errors);
        var number = ReadPageNumber(query, "page[number]", 1, int.MaxValue, errors);
        IEnumerable<T> selected = items;
        foreach (var (key, values) in query)
        {
            var match = FilterKey().Match(key);
            if (!match.Success)
            {
                continue;
            }

            var name = match.Groups["field"].Value;
            var op = match.Groups["op"].Success ? match.Groups["op"].Value : "eq";
            if (!_fields.TryGetValue(name, out var field) || field.Operators.Count == 0)
            {
                errors.Add(new InvalidParameter(key, "invalid", $"unknown filter field '{name}'") { Source = "query" });
                continue;
            }

            if (!field.Operators.Contains(op, StringComparer.Ordinal))
            {
                errors.Add(InvalidParameter.Enum(key, field.Operators) with { Source = "query" });
                continue;
            }

            var value = values.ToString();
            selected = selected.Where(item => Matches(field, op, item, value)).ToList();
        }

        selected = Sort(query["sort"].ToString(), selected, errors);
        if (errors.Count > 0)
        {
            throw ProblemException.BadRequest("Invalid query parameters", errors);
        }

        var all = selected.ToList();
        var page = all.Skip((int)Math.Min((long)(number - 1) * size, int.MaxValue)).Take(size).Select(map).ToList();
        return new ListResponse<TOut>(page, new ListMeta(new PageMeta(number, size, all.Count)));
    }

    private static bool Matches(ListField<T> field, string op, T item, string value)
    {
        if (field.Matches is not null)
        {
            return field.Matches(item, value);
        }

        var actual = field.Value(item);
        return op switch
        {
            "eq" => string.Equals(actual, value, StringComparison.Ordinal),
            "neq" => !string.Equals(actual, value, StringComparison.Ordinal),
            "contains" => actual?.Contains(value, StringComparison.OrdinalIgnoreCase) == true,
            "oeq" => value.Split(',').Contains(actual, StringComparer.Ordinal),
            _ => false,
        };
    }

    private static int ReadPageNumber(IQueryCollection query, string key, int fallback, int maximum, List<InvalidParameter> errors)
    {
        var text = query[key].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(new InvalidParameter(key, "is_integer", "must be an integer") { Source = "query" });
            return fallback;
        }

        if (value < 1)
        {
            errors.Add(InvalidParameter.Min(key, 1) with { Source = "query" });
            return fallback;
        }

        if (value > maximum)
        {
            errors.Add(InvalidParameter.Max(key, maximum) with { Source = "query" });
            return fallback;
        }

        return value;
    }

    private IEnumerable<T> Sort(string sort, IEnumerable<T> items, List<InvalidParameter> errors)
    {
        if (sort.Length == 0)
        {
            return items;
        }

        IOrderedEnumerable<T>? ordered = null;
        foreach (var part in sort.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var descending = pieces.Length > 1 && pieces[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (!_fields.TryGetValue(pieces[0], out var field) || !field.Sortable)
            {
                var sortable = _fields.Values.Where(f => f.Sortable).Select(f => f.Name).ToList();
                errors.Add(InvalidParameter.Enum("sort", sortable) with { Source = "query" });
                return items;
            }

            var key = field.SortKey ?? field.Value;
            ordered = (ordered, descending) switch
            {
                (null, false) => items.OrderBy(key, SortKeyComparer.Instance),
                (null, true) => items.OrderByDescending(key, SortKeyComparer.Instance),
                (_, false) => ordered.ThenBy(key, SortKeyComparer.Instance),
                (_, true) => ordered.ThenByDescending(key, SortKeyComparer.Instance),
            };
        }

        return ordered ?? items;
    }

    [GeneratedRegex(@"^filter\[(?<field>[a-z_]+)\](\[(?<op>[a-z]+)\])?$")]
    private static partial Regex FilterKey();
}
