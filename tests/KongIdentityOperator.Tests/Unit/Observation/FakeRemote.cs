using System.Runtime.CompilerServices;
using KongIdentityOperator.Observation;

namespace KongIdentityOperator.Tests.Unit.Observation;

/// <summary>
/// A remote collection of (id, version) items behind a <see cref="RemoteReader{T}"/> that counts GETs and list reads;
/// a list can be held open to test what happens while it is being read.
/// </summary>
internal sealed class FakeRemote
{
    private readonly Dictionary<string, RemoteItem> _items = new(StringComparer.Ordinal);
    private TaskCompletionSource? _listGate;
    private int _gets;
    private int _lists;

    public int Gets => Volatile.Read(ref _gets);

    public int Lists => Volatile.Read(ref _lists);

    /// <summary>Completes when a held list has started.</summary>
    public TaskCompletionSource ListStarted { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RemoteReader<RemoteItem> Reader(int pageSize = 100) => new(GetAsync, ListAllAsync, item => item.Id, pageSize);

    public void Put(string id, int version)
    {
        lock (_items)
        {
            _items[id] = new RemoteItem(id, version);
        }
    }

    public void Delete(string id)
    {
        lock (_items)
        {
            _items.Remove(id);
        }
    }

    /// <summary>The next list reads its items, then waits for <see cref="ReleaseList"/> before answering.</summary>
    public void HoldNextList()
    {
        _listGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ListStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void ReleaseList() => _listGate?.TrySetResult();

    private Task<RemoteItem?> GetAsync(string id, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _gets);
        lock (_items)
        {
            return Task.FromResult(_items.GetValueOrDefault(id));
        }
    }

    private async IAsyncEnumerable<RemoteItem> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lists);
        List<RemoteItem> items;
        lock (_items)
        {
            items = [.. _items.Values];
        }

        ListStarted.TrySetResult();
        if (_listGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        foreach (var item in items)
        {
            yield return item;
        }
    }
}
