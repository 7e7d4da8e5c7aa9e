namespace KongIdentityOperator.Observation;

/// <summary>How to read one remote collection: one object by id (null on 404), or every page of the list.</summary>
/// <param name="GetAsync">GET of one object.</param>
/// <param name="ListAllAsync">Every object of the collection, page after page.</param>
/// <param name="IdOf">The id an object is looked up by.</param>
/// <param name="PageSize">Objects per list page, to weigh a list against GETs.</param>
internal sealed record RemoteReader<T>(
    Func<string, CancellationToken, Task<T?>> GetAsync,
    Func<CancellationToken, IAsyncEnumerable<T>> ListAllAsync,
    Func<T, string> IdOf,
    int PageSize)
    where T : class;
