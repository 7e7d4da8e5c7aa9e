using KongIdentityOperator.Observation;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Tests.Unit.Observation;

public sealed class RemoteCollectionTests
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider _time = new();
    private readonly FakeRemote _remote = new();
    private readonly RemoteCollection<RemoteItem> _collection;

    public RemoteCollectionTests() => _collection = new RemoteCollection<RemoteItem>(_time, Freshness);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lookup_alone_is_one_GET_and_its_answer_is_reused_while_fresh()
    {
        _remote.Put("a", 1);

        var first = await Find("a", pending: 1, expected: 1000);
        _time.Advance(Freshness - TimeSpan.FromSeconds(1));
        var second = await Find("a", pending: 1, expected: 1000);

        Assert.Equal((new RemoteItem("a", 1), new RemoteItem("a", 1)), (first, second));
        Assert.Equal((1, 0), (_remote.Gets, _remote.Lists));
    }

    [Fact]
    public async Task A_stale_answer_is_read_again()
    {
        _remote.Put("a", 1);
        await Find("a", pending: 1, expected: 1);
        _remote.Put("a", 2);

        _time.Advance(Freshness);

        Assert.Equal(new RemoteItem("a", 2), await Find("a", pending: 1, expected: 1));
        Assert.Equal(2, _remote.Gets);
    }

    [Fact]
    public async Task More_pending_lookups_than_list_pages_read_the_list_once_for_all()
    {
        for (var i = 0; i < 250; i++)
        {
            _remote.Put($"c{i}", 1);
        }

        // 250 children are 3 pages of 100: with all of them pending, one list answers every lookup, absent ones too.
        var found = await Task.WhenAll(Enumerable.Range(0, 260).Select(i => Find($"c{i}", pending: 260, expected: 260)));

        Assert.Equal(250, found.Count(f => f is not null));
        Assert.Equal((0, 1), (_remote.Gets, _remote.Lists));
    }

    [Fact]
    public async Task As_many_pending_lookups_as_pages_still_GET()
    {
        _remote.Put("a", 1);

        await Find("a", pending: 3, expected: 300);

        Assert.Equal((1, 0), (_remote.Gets, _remote.Lists));
    }

    [Fact]
    public async Task Concurrent_lookups_wait_for_the_one_list_in_flight()
    {
        _remote.Put("a", 1);
        _remote.Put("b", 1);
        _remote.HoldNextList();

        var first = Find("a", pending: 5, expected: 2);
        await _remote.ListStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var others = Enumerable.Range(0, 4).Select(i => Find(i % 2 == 0 ? "b" : "missing", pending: 5, expected: 2)).ToList();
        Assert.False(others.Any(o => o.IsCompleted), "lookups during a list wait for it");
        _remote.ReleaseList();

        Assert.Equal(new RemoteItem("a", 1), await first);
        Assert.Equal([new RemoteItem("b", 1), null, new RemoteItem("b", 1), null], await Task.WhenAll(others));
        Assert.Equal((0, 1), (_remote.Gets, _remote.Lists));
    }

    [Fact]
    public async Task Our_own_writes_are_remembered_and_a_list_begun_before_them_does_not_undo_them()
    {
        _remote.Put("old", 1);
        _remote.HoldNextList();
        var listing = Find("new", pending: 10, expected: 10);
        await _remote.ListStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // The list read its pages before "new" was created and "old" updated; the writes' answers are newer.
        _remote.Put("new", 1);
        _remote.Put("old", 2);
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _collection.Remember("new", new RemoteItem("new", 1));
        _collection.Remember("old", new RemoteItem("old", 2));
        _remote.ReleaseList();
        await listing;

        Assert.Equal(new RemoteItem("new", 1), await Find("new", pending: 1, expected: 10));
        Assert.Equal(new RemoteItem("old", 2), await Find("old", pending: 1, expected: 10));
        Assert.Equal(0, _remote.Gets);
    }

    [Fact]
    public async Task After_a_complete_list_a_missing_id_is_known_absent_until_the_list_goes_stale()
    {
        _remote.Put("a", 1);
        await Find("a", pending: 5, expected: 1);
        _remote.Put("late", 1);

        Assert.Null(await Find("late", pending: 1, expected: 1));
        _time.Advance(Freshness);
        Assert.Equal(new RemoteItem("late", 1), await Find("late", pending: 1, expected: 1));
        Assert.Equal((1, 1), (_remote.Gets, _remote.Lists));
    }

    [Fact]
    public async Task Invalidation_forgets_everything_and_discards_a_list_under_way()
    {
        _remote.Put("a", 1);
        await Find("a", pending: 1, expected: 1);
        _remote.HoldNextList();
        _time.Advance(Freshness);
        var listing = Find("a", pending: 5, expected: 1);
        await _remote.ListStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // Deleted (by us) while the list was being read: neither the old answer nor the list's pages may stand.
        _remote.Delete("a");
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _collection.Invalidate();
        _remote.ReleaseList();

        // The waiting lookup falls back to a GET of its own, which sees the deletion.
        Assert.Null(await listing);
        Assert.Null(await Find("a", pending: 1, expected: 1));
        Assert.Equal(2, _remote.Gets);
    }

    [Fact]
    public async Task Pruning_drops_what_is_no_longer_fresh()
    {
        _remote.Put("a", 1);
        await Find("a", pending: 1, expected: 1);

        Assert.False(_collection.Prune());
        _time.Advance(Freshness);

        Assert.True(_collection.Prune());
    }

    [Fact]
    public async Task A_failed_list_fails_its_waiters_and_the_next_lookup_reads_again()
    {
        var failing = new RemoteReader<RemoteItem>(
            (_, _) => Task.FromResult<RemoteItem?>(new RemoteItem("a", 1)),
            _ => Throwing(),
            item => item.Id,
            100);

        await Assert.ThrowsAsync<HttpRequestException>(() => _collection.FindAsync("a", failing, () => (5, 1), Ct));

        Assert.Equal(new RemoteItem("a", 1), await _collection.FindAsync("a", failing, () => (1, 1), Ct));
    }

    private Task<RemoteItem?> Find(string id, int pending, int expected) =>
        _collection.FindAsync(id, _remote.Reader(), () => (pending, expected), Ct);

#pragma warning disable CS1998 // An iterator that fails on its first page.
    private static async IAsyncEnumerable<RemoteItem> Throwing()
    {
        throw new HttpRequestException("connection refused");
#pragma warning disable CS0162
        yield break;
#pragma warning restore CS0162
    }
#pragma warning restore CS1998
}
