using KongIdentityOperator.Mapping;

namespace KongIdentityOperator.Tests.Unit.Mapping;

public sealed class OwnershipMarkersTests
{
    private const string Uid = "0b7a3f52-6a39-4c1e-9d7e-1f2a3b4c5d6e";

    [Fact]
    public void Labels_are_the_user_labels_plus_the_markers()
    {
        var labels = OwnershipMarkers.Labels(new Dictionary<string, string> { ["env"] = "dev" }, Uid);

        Assert.Equal(new Dictionary<string, string> { ["env"] = "dev", ["managed-by"] = "kong-identity-operator", ["k8s-uid"] = Uid }, labels);
    }

    [Fact]
    public void Labels_without_user_labels_are_just_the_markers() =>
        Assert.Equal(new Dictionary<string, string> { ["managed-by"] = "kong-identity-operator", ["k8s-uid"] = Uid }, OwnershipMarkers.Labels(null, Uid));

    [Fact]
    public void User_labels_cannot_forge_the_markers()
    {
        var labels = OwnershipMarkers.Labels(new Dictionary<string, string> { ["managed-by"] = "terraform", ["k8s-uid"] = "someone-else" }, Uid);

        Assert.Equal("kong-identity-operator", labels["managed-by"]);
        Assert.Equal(Uid, labels["k8s-uid"]);
    }

    [Fact]
    public void Marker_keys_avoid_the_prefixes_konnect_reserves()
    {
        string[] reserved = ["kong", "konnect", "mesh", "kic", "_"];

        Assert.All(
            new[] { OwnershipMarkers.ManagedByKey, OwnershipMarkers.UidKey },
            key => Assert.DoesNotContain(reserved, prefix => key.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void Ownership_is_read_from_the_uid_label()
    {
        Assert.True(OwnershipMarkers.IsOwnedBy(OwnershipMarkers.Labels(null, Uid), Uid));
        Assert.False(OwnershipMarkers.IsOwnedBy(OwnershipMarkers.Labels(null, Uid), "another-uid"));
        Assert.False(OwnershipMarkers.IsOwnedBy(new Dictionary<string, string> { ["managed-by"] = "kong-identity-operator" }, Uid));
        Assert.False(OwnershipMarkers.IsOwnedBy(null, Uid));
    }

    [Fact]
    public void Tags_name_the_operator_and_the_object()
    {
        var tags = OwnershipMarkers.Tags(Uid, "team-a", "orders-oauth", "UpstreamOAuthPolicy");

        Assert.Equal(
            ["managed-by:kong-identity-operator", $"k8s-uid:{Uid}", "k8s-namespace:team-a", "k8s-name:orders-oauth", "k8s-kind:UpstreamOAuthPolicy"],
            tags);
    }

    [Fact]
    public void Ownership_is_read_from_the_uid_tag()
    {
        var tags = OwnershipMarkers.Tags(Uid, "team-a", "orders-oauth", "UpstreamOAuthPolicy");

        Assert.True(OwnershipMarkers.TagsOwnedBy(tags, Uid));
        Assert.False(OwnershipMarkers.TagsOwnedBy(tags, "another-uid"));
        Assert.False(OwnershipMarkers.TagsOwnedBy(["managed-by:kong-identity-operator", $"k8s-name:{Uid}"], Uid));
        Assert.False(OwnershipMarkers.TagsOwnedBy(null, Uid));
    }
}
