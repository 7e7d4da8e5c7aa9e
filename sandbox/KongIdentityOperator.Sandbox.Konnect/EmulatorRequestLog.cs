using System.Collections.Concurrent;

namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>
/// Counts of the calls the emulator received (test hooks excluded): by <c>"METHOD /route/{template}"</c>,
/// by response status, and in total. Counted as the call arrives (statuses as the response starts), so a test that
/// has its response in hand sees its call counted.
/// </summary>
public sealed class EmulatorRequestLog
{
    private readonly ConcurrentDictionary<string, long> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _statuses = new();
    private long _total;

    /// <summary>All counted calls.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Counts by <c>"GET /v1/auth-servers/{authServerId}"</c>-style keys (unmatched paths under <c>(unmatched)</c>).</summary>
    public IReadOnlyDictionary<string, long> ByRoute => new SortedDictionary<string, long>(_routes, StringComparer.Ordinal);

    /// <summary>Counts by HTTP status code of the responses.</summary>
    public IReadOnlyDictionary<int, long> ByStatus => new SortedDictionary<int, long>(_statuses);

    /// <summary>Calls to one route template, e.g. <c>Count("PUT", "/v1/auth-servers/{authServerId}/clients/{clientId}")</c>.</summary>
    public long Count(string method, string routeTemplate) => _routes.GetValueOrDefault(Key(method, routeTemplate));

    /// <summary>Responses with this status code.</summary>
    public long CountStatus(int statusCode) => _statuses.GetValueOrDefault(statusCode);

    internal static string Key(string method, string routeTemplate) => $"{method.ToUpperInvariant()} {routeTemplate}";

    internal void Record(string method, string routeTemplate)
    {
        _routes.AddOrUpdate(Key(method, routeTemplate), 1, (_, count) => count + 1);
        Interlocked.Increment(ref _total);
    }

    internal void RecordStatus(int statusCode) => _statuses.AddOrUpdate(statusCode, 1, (_, count) => count + 1);

    internal void Clear()
    {
        _routes.Clear();
        _statuses.Clear();
        Interlocked.Exchange(ref _total, 0);
    }
}
