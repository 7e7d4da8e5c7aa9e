using System.Globalization;
using System.Text;
using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Http;

/// <summary>Builds a query string; keys and values are percent-encoded (so <c>filter[name][eq]</c> goes out as <c>filter%5Bname%5D%5Beq%5D</c>).</summary>
internal sealed class QueryBuilder
{
    private readonly StringBuilder _query = new();

    /// <summary>Adds <paramref name="key"/>=<paramref name="value"/> unless the value is null.</summary>
    public QueryBuilder Add(string key, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _query.Append(_query.Length == 0 ? '?' : '&')
            .Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public QueryBuilder Add(string key, int? value) => Add(key, value?.ToString(CultureInfo.InvariantCulture));

    public QueryBuilder Add(string key, bool? value) => Add(key, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds <c>filter[field][op]=value</c>.</summary>
    public QueryBuilder Filter(string field, StringFilter? filter) =>
        filter is null ? this : Add($"filter[{field}][{filter.Operator}]", filter.Value);

    /// <summary>Adds <c>filter[field][eq]=value</c>.</summary>
    public QueryBuilder FilterEquals(string field, string? value) => Add($"filter[{field}][eq]", value);

    /// <summary>Adds <c>page[size]</c> and <c>page[number]</c>.</summary>
    public QueryBuilder Page(int? size, int? number) => Add("page[size]", size).Add("page[number]", number);

    /// <inheritdoc />
    public override string ToString() => _query.ToString();
}
