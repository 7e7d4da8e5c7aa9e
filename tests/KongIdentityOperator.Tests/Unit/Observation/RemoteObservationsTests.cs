using KongIdentityOperator.Konnect;
using KongIdentityOperator.Konnect.Observability;
using KongIdentityOperator.Observation;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Tests.Unit.Observation;

public sealed class RemoteObservationsTests
{
    private static readonly KonnectConnection Connection = KonnectConnection.ForRegion("us", "kpat_test_token");

    private readonly FakeTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void One_collection_per_connection_parent_and_kind()
    {
        using var observations = new RemoteObservations(_time, new RemoteObservationSettings());

        var clients = observations.Collection<RemoteItem>(new RemoteCollectionKey(Connection, "as-1", "clients"));

        Assert.Same(clients, observations.Collection<RemoteItem>(new RemoteCollectionKey(KonnectConnection.ForRegion("us", "kpat_test_token"), "as-1", "clients")));
        Assert.NotSame(clients, observations.Collection<RemoteItem>(new RemoteCollectionKey(Connection, "as-2", "clients")));
        Assert.NotSame(clients, observations.Collection<RemoteItem>(new RemoteCollectionKey(Connection, "as-1", "scopes")));
        Assert.NotSame(clients, observations.Collection<RemoteItem>(new RemoteCollectionKey(KonnectConnection.ForRegion("us", "kpat_other"), "as-1", "clients")));
    }

    [Theory]
    [InlineData("DELETE", 1)]
    [InlineData("PUT", 0)]
    [InlineData("GET", 0)]
    public async Task Any_delete_the_client_sends_makes_every_collection_look_again(string method, int getsAfter)
    {
        using var observations = new RemoteObservations(_time, new RemoteObservationSettings());
        var remote = new FakeRemote();
        remote.Put("a", 1);
        var clients = observations.Collection<RemoteItem>(new RemoteCollectionKey(Connection, "as-1", "clients"));
        await clients.FindAsync("a", remote.Reader(), () => (1, 1), Ct);

        observations.OnAttempt(new KonnectCallAttempt(method, "/v1/auth-servers/{authServerId}/clients/{clientId}", 204, 1, TimeSpan.FromMilliseconds(20), null));
        await clients.FindAsync("a", remote.Reader(), () => (1, 1), Ct);

        Assert.Equal(1 + getsAfter, remote.Gets);
    }

    [Fact]
    public async Task Collections_with_nothing_fresh_left_are_dropped_by_the_periodic_pruning()
    {
        using var observations = new RemoteObservations(_time, new RemoteObservationSettings { Freshness = TimeSpan.FromSeconds(10) });
        var remote = new FakeRemote();
        var first = observations.Collection<RemoteItem>(new RemoteCollectionKey(Connection, "as-1", "clients"));
        await first.FindAsync("a", remote.Reader(), () => (1, 1), Ct);

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.NotSame(first, observations.Collection<RemoteItem>(new RemoteCollectionKey(Connection, "as-1", "clients")));
    }

    [Theory]
    [InlineData(600, 60)]
    [InlineData(60, 30)]
    [InlineData(2, 1)]
    public void Freshness_is_at_most_half_the_resync_period_so_every_resync_looks_at_Konnect(int resyncSeconds, int freshnessSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(freshnessSeconds), RemoteObservationSettings.For(TimeSpan.FromSeconds(resyncSeconds)).Freshness);
}
