using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>
/// Cursor paging of the core-entities API: <c>size</c> (1-1000, default 100), opaque <c>offset</c>,
/// <c>tags=a,b</c> (all) or <c>tags=a/b</c> (any), <c>filter[name][eq|contains]</c>.
/// </summary>
internal static class CoreListing
{
    public const int DefaultSize = 100;

    public const int MaxSize = 1000;

    public static CorePage<TOut> Page<T, TOut>(
        HttpRequest request,
        IReadOnlyList<T> items,
        Func<T, string?> name,
        Func<T, ImmutableArray<string>?> tags,
        Func<T, TOut> map)
    {
        var query = request.Query;
        var size = ReadSize(query["size"].ToString());
        var start = ReadOffset(query["offset"].ToString());
        IEnumerable<T> selected = items;
        var tagFilter = query["tags"].ToString();
        if (tagFilter.Length > 0)
        {
            selected = selected.Where(MatchTags(tagFilter, tags));
        }

        var nameEquals = query["filter[name][eq]"].ToString();
        if (nameEquals.Length > 0)
        {
            selected = selected.Where(item => name(item) == nameEquals);
        }

        var nameContains = query["filter[name][contains]"].ToString();
        if (nameContains.Length > 0)
        {
            selected = selected.Where(item => name(item)?.Contains(nameContains, StringComparison.OrdinalIgnoreCase) == true);
        }

        var all = selected.ToList();
        var page = all.Skip(start).Take(size).Select(map).ToList();
        if (start + size >= all.Count)
        {
            return new CorePage<TOut>(page, null, null);
        }

        var offset = Convert.ToBase64String(Encoding.UTF8.GetBytes((start + size).ToString(CultureInfo.InvariantCulture)));
        var next = new QueryBuilder(query.Where(q => q.Key != "offset")) { { "offset", offset } };
        return new CorePage<TOut>(page, request.PathBase + request.Path + next.ToQueryString(), offset);
    }

    private static Func<T, bool> MatchTags<T>(string filter, Func<T, ImmutableArray<string>?> tags)
    {
        var hasAnd = filter.Contains(',', StringComparison.Ordinal);
        var hasOr = filter.Contains('/', StringComparison.Ordinal);
        if (hasAnd && hasOr)
        {
            throw CoreEntityException.Validation("tags", "invalid tags filter: use either ',' (AND) or '/' (OR), not both");
        }

        var wanted = filter.Split(hasOr ? '/' : ',', StringSplitOptions.RemoveEmptyEntries);
        return item =>
        {
            var have = tags(item) ?? [];
            return hasOr ? wanted.Any(have.Contains) : wanted.All(have.Contains);
        };
    }

    private static int ReadSize(string text)
    {
        if (text.Length == 0)
        {
            return DefaultSize;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxSize
            ? size
            : throw CoreEntityException.Validation("size", $"size must be an integer between 1 and {MaxSize}");
    }

    private static int ReadOffset(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(text));
            if (int.TryParse(decoded, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the validation error below.
        }

        throw CoreEntityException.Validation("offset", "invalid offset");
    }
}
