using System.Runtime.CompilerServices;
using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Http;

/// <summary>Walks every page of a list, for the <c>ListAllAsync</c> methods.</summary>
internal static class ListWalker
{
    /// <summary>Walks a page-numbered list from page 1 until a short or empty page, or the announced total.</summary>
    public static async IAsyncEnumerable<T> WalkPagesAsync<T>(
        Func<int, CancellationToken, Task<Page<T>>> fetchPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            var page = await fetchPage(number, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Data)
            {
                yield return item;
            }

            var info = page.Meta.Page;
            var seen = ((long)Math.Max(info.Number, number) - 1) * info.Size + page.Data.Count;
            if (page.Data.Count == 0 || page.Data.Count < info.Size || seen >= info.Total)
            {
                yield break;
            }
        }
    }

    /// <summary>Walks a cursor-paged list, following <c>offset</c> until it is absent.</summary>
    public static async IAsyncEnumerable<T> WalkCursorAsync<T>(
        Func<string?, CancellationToken, Task<CursorPage<T>>> fetchPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? offset = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await fetchPage(offset, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Data)
            {
                yield return item;
            }

            offset = string.IsNullOrEmpty(page.Offset) ? null : page.Offset;

            // A server that hands back a cursor it already gave would loop forever.
            if (offset is not null && !seen.Add(offset))
            {
                throw new InvalidDataException("Konnect handed back a list cursor it had already given; stopping to avoid an endless loop.");
            }
        }
        while (offset is not null);
    }
}
