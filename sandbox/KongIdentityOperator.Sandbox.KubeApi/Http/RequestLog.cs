namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>The thread-safe, append-only list behind <see cref="KubeApiServer.RequestLog"/>.</summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RequestLogEntry> _entries = [];

    public void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
