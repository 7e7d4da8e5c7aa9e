using k8s.Models;
using KongIdentityOperator.Mapping;

namespace KongIdentityOperator.Tests.Unit.Mapping;

public sealed class OwnershipMarkersTests
{
    private const string Uid = "0b7a3f52-6a39-4c1e-9d7e-1f2a3b4c5d6e";

    private static readonly V1ObjectMeta Owner = new() { Name = "payments", NamespaceProperty = "team-a", Uid = Uid };

    [Fact]
    public void Labels_are_the_user_labels_plus_uid_namespace_and_name()
    {
        var labels = OwnershipMarkers.Labels(new Dictionary<string, string> { ["env"] = "dev" }, Owner);

        Assert.Equal(new Dictionary<string, string> { ["env"] = "dev", ["k8s-uid"] = Uid, ["k8s-namespace"] = "team-a", ["k8s-name"] = "payments" }, labels);
    }

    [Fact]
    public void The_marks_leave_two_of_the_five_labels_konnect_documents_to_the_user() =>
        Assert.Equal(Entities.KonnectLabels.MaxUserLabels, 5 - OwnershipMarkers.Labels(null, Owner).Count);

    [Fact]
    public void User_labels_cannot_forge_the_markers()
    {
        var labels = OwnershipMarkers.Labels(new Dictionary<string, string> { ["k8s-uid"] = "someone-else", ["k8s-namespace"] = "team-b", ["k8s-name"] = "x" }, Owner);

        Assert.Equal(new MarkedOwner(Uid, "team-a", "payments", NameIsExact: true), OwnershipMarkers.FromLabels(labels));
    }

    [Fact]
    public void Marker_keys_avoid_the_prefixes_konnect_reserves()
    {
        string[] reserved = ["kong", "konnect", "mesh", "kic", "_"];

        Assert.All(
            new[] { OwnershipMarkers.ManagedByKey, OwnershipMarkers.UidKey, OwnershipMarkers.NamespaceKey, OwnershipMarkers.NameKey },
            key => Assert.DoesNotContain(reserved, prefix => key.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_owner_is_read_from_the_labels_and_needs_a_uid()
    {
        Assert.Equal(new MarkedOwner(Uid, "team-a", "payments", true), OwnershipMarkers.FromLabels(OwnershipMarkers.Labels(null, Owner)));
        Assert.Equal(new MarkedOwner(Uid, null, null, false), OwnershipMarkers.FromLabels(new Dictionary<string, string> { ["managed-by"] = "kong-identity-operator", ["k8s-uid"] = Uid }));
        Assert.Null(OwnershipMarkers.FromLabels(new Dictionary<string, string> { ["managed-by"] = "kong-identity-operator", ["k8s-name"] = "payments" }));
        Assert.Null(OwnershipMarkers.FromLabels(null));
    }

    [Fact]
    public void A_name_too_long_for_a_label_keeps_a_prefix_and_a_hash_and_is_not_exact()
    {
        var name = "a" + new string('b', 70) + ".c";
        var other = "a" + new string('b', 70) + ".d";
        var labels = OwnershipMarkers.Labels(null, new V1ObjectMeta { Name = name, NamespaceProperty = "team-a", Uid = Uid });

        Assert.Equal(63, labels["k8s-name"].Length);
        Assert.NotEqual(labels["k8s-name"], OwnershipMarkers.NameLabel(other));
        Assert.Matches("^[a-zA-Z0-9]([a-zA-Z0-9._-]*[a-zA-Z0-9])?$", labels["k8s-name"]);
        var owner = OwnershipMarkers.FromLabels(labels)!;
        Assert.False(owner.NameIsExact);
        Assert.True(owner.Names("team-a", name));
        Assert.False(owner.Names("team-a", other));
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
    public void The_owner_is_read_from_the_tags_and_needs_a_uid()
    {
        Assert.Equal(new MarkedOwner(Uid, "team-a", "orders-oauth", true), OwnershipMarkers.FromTags(OwnershipMarkers.Tags(Uid, "team-a", "orders-oauth", "UpstreamOAuthPolicy")));
        Assert.Null(OwnershipMarkers.FromTags(["managed-by:kong-identity-operator", $"k8s-name:{Uid}"]));
        Assert.Null(OwnershipMarkers.FromTags(null));
    }
}
