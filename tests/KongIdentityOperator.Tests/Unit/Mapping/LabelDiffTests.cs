using KongIdentityOperator.Mapping;

namespace KongIdentityOperator.Tests.Unit.Mapping;

public sealed class LabelDiffTests
{
    private static readonly Dictionary<string, string> Desired = new() { ["env"] = "dev", ["team"] = "a" };

    [Fact]
    public void Equal_maps_need_no_patch() => Assert.Null(LabelDiff.Patch(Desired, new Dictionary<string, string> { ["team"] = "a", ["env"] = "dev" }));

    [Fact]
    public void Two_empty_maps_need_no_patch()
    {
        Assert.Null(LabelDiff.Patch(new Dictionary<string, string>(), new Dictionary<string, string>()));
        Assert.Null(LabelDiff.Patch(new Dictionary<string, string>(), null));
    }

    [Fact]
    public void A_changed_value_sends_the_whole_desired_map() =>
        Assert.Equal(
            new Dictionary<string, string?> { ["env"] = "dev", ["team"] = "a" },
            LabelDiff.Patch(Desired, new Dictionary<string, string> { ["env"] = "prod", ["team"] = "a" }));

    [Fact]
    public void A_missing_label_is_added() =>
        Assert.Equal(new Dictionary<string, string?> { ["env"] = "dev", ["team"] = "a" }, LabelDiff.Patch(Desired, null));

    [Fact]
    public void An_extra_label_is_removed_with_null() =>
        Assert.Equal(
            new Dictionary<string, string?> { ["env"] = "dev", ["team"] = "a", ["owner"] = null },
            LabelDiff.Patch(Desired, new Dictionary<string, string> { ["env"] = "dev", ["team"] = "a", ["owner"] = "ui" }));

    [Fact]
    public void Removing_every_label_nulls_each_key() =>
        Assert.Equal(
            new Dictionary<string, string?> { ["env"] = null, ["team"] = null },
            LabelDiff.Patch(new Dictionary<string, string>(), Desired));

    [Fact]
    public void Keys_are_case_sensitive() =>
        Assert.Equal(
            new Dictionary<string, string?> { ["env"] = "dev", ["team"] = "a", ["Env"] = null },
            LabelDiff.Patch(Desired, new Dictionary<string, string> { ["Env"] = "dev", ["team"] = "a" }));
}
