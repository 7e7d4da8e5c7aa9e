using KongIdentityOperator.Configuration;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Indexing;
using KongIdentityOperator.Mapping;
using KongIdentityOperator.Ownership;

namespace KongIdentityOperator.Tests.Unit.Security;

/// <summary>Whose a Konnect object is, from its marks: the verdicts every takeover path is gated by.</summary>
public sealed class OwnerCheckTests
{
    private static readonly AuthServer Self = TestEntities.AuthServer("mine");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_marks_is_unmarked_adoptable_but_never_recovered_silently()
    {
        var verdict = await Check(null);

        Assert.Equal(OwnerState.Unmarked, verdict.State);
        Assert.True(verdict.MayAdopt);
        Assert.False(verdict.MayRecover(Self.Metadata.NamespaceProperty, Self.Metadata.Name));
    }

    [Fact]
    public async Task Our_own_uid_is_ours()
    {
        var verdict = await Check(MarksOf(Self));

        Assert.Equal(OwnerState.Ours, verdict.State);
        Assert.True(verdict.MayRecover(Self.Metadata.NamespaceProperty, Self.Metadata.Name));
    }

    [Fact]
    public async Task Another_object_in_the_cache_owns_it_and_nothing_may_take_it()
    {
        var victim = TestEntities.AuthServer("victim");
        victim.Metadata.NamespaceProperty = "team-b";

        var verdict = await Check(MarksOf(victim), cached: [victim]);

        Assert.Equal(OwnerState.OwnedByAnother, verdict.State);
        Assert.False(verdict.MayAdopt);
        Assert.False(verdict.MayRecover(Self.Metadata.NamespaceProperty, Self.Metadata.Name));
        Assert.Contains("team-b/victim", verdict.NotOwned("Auth server x", "Do y.").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gone_owner_in_a_watched_namespace_may_be_adopted_and_recovered_only_by_the_same_name()
    {
        var gone = MarksOf(TestEntities.AuthServer("mine")) with { Uid = "4d3c2b1a-0000-4000-8000-000000000000" };

        var verdict = await Check(gone);

        Assert.Equal(OwnerState.OwnerGone, verdict.State);
        Assert.True(verdict.MayAdopt);
        Assert.True(verdict.MayRecover(Self.Metadata.NamespaceProperty, "mine"));
        Assert.False(verdict.MayRecover(Self.Metadata.NamespaceProperty, "someone-else"));
        Assert.False(verdict.MayRecover("team-b", "mine"));
    }

    [Fact]
    public async Task An_owner_outside_the_watched_namespaces_is_read_by_name()
    {
        var victim = TestEntities.AuthServer("victim");
        victim.Metadata.NamespaceProperty = "elsewhere";
        var kube = new ObjectsByName([victim]);

        var owned = await Check(MarksOf(victim), watched: [TestEntities.Namespace], kube: kube);
        var gone = await Check(MarksOf(victim) with { Uid = "4d3c2b1a-0000-4000-8000-000000000000" }, watched: [TestEntities.Namespace], kube: kube);

        Assert.Equal(OwnerState.OwnedByAnother, owned.State);
        Assert.Equal(OwnerState.OwnerGone, gone.State);
        Assert.Equal(["elsewhere/victim", "elsewhere/victim"], kube.Gets);
    }

    [Theory]
    [InlineData(System.Net.HttpStatusCode.Forbidden)]
    [InlineData(System.Net.HttpStatusCode.InternalServerError)]
    public async Task An_owner_that_cannot_be_read_is_assumed_to_exist(System.Net.HttpStatusCode status)
    {
        var victim = TestEntities.AuthServer("victim");
        victim.Metadata.NamespaceProperty = "elsewhere";

        var verdict = await Check(MarksOf(victim), watched: [TestEntities.Namespace], kube: new ObjectsByName([], status));

        Assert.Equal(OwnerState.OwnedByAnother, verdict.State);
    }

    [Fact]
    public async Task A_hashed_name_outside_the_watched_namespaces_is_assumed_to_exist()
    {
        var longName = new string('a', 80);
        var marks = OwnershipMarkers.FromLabels(OwnershipMarkers.Labels(null, new() { Name = longName, NamespaceProperty = "elsewhere", Uid = "4d3c2b1a-0000-4000-8000-000000000000" }));
        var kube = new ObjectsByName([]);

        var verdict = await Check(marks, watched: [TestEntities.Namespace], kube: kube);

        Assert.Equal(OwnerState.OwnedByAnother, verdict.State);
        Assert.Empty(kube.Gets);
    }

    private static MarkedOwner MarksOf(AuthServer owner) => OwnershipMarkers.FromLabels(OwnershipMarkers.Labels(null, owner.Metadata))!;

    private static Task<OwnerVerdict> Check(MarkedOwner? marks, AuthServer[]? cached = null, string[]? watched = null, ObjectsByName? kube = null)
    {
        var cache = new FakeCache<AuthServer>((Indexes.Uid, a => [a.Metadata.Uid])).With([Self, .. cached ?? []]);
        var check = new OwnerCheck<AuthServer>(cache, kube ?? new ObjectsByName([]), new OperatorOptions { Namespaces = watched ?? [] });
        return check.CheckAsync(marks, Self, Ct);
    }
}
