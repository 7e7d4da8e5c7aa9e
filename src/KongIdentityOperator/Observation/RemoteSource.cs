namespace KongIdentityOperator.Observation;

/// <summary>
/// One remote collection bound to the reader that fills it and the demand that weighs a list against GETs, so the three
/// cannot disagree at a call site. Made by <see cref="RemoteSources"/>, one method per collection.
/// </summary>
internal sealed class RemoteSource<T>(RemoteCollection<T> collection, RemoteReader<T> reader, Func<(int Pending, int Expected)> demand)
    where T : class
{
    /// <summary>The object with <paramref name="id"/> as last seen, or null when it does not exist.</summary>
    public Task<T?> FindAsync(string id, CancellationToken cancellationToken) => collection.FindAsync(id, reader, demand, cancellationToken);

    /// <summary>GETs the object now, past what was seen (an adoption looks at Konnect as it is); null on 404.</summary>
    public Task<T?> GetAsync(string id, CancellationToken cancellationToken) => reader.GetAsync(id, cancellationToken);

    /// <summary>Records what one of our own writes answered.</summary>
    public void Remember(T value) => collection.Remember(reader.IdOf(value), value);
}
