using KongIdentityOperator.Entities;
using KongIdentityOperator.Mapping;
using Remote = KongIdentityOperator.Konnect.Identity;

namespace KongIdentityOperator.Tests.Unit.Mapping;

public sealed class ClaimMappingTests
{
    private static readonly string[] ScopeIds = ["id-1", "id-2"];

    [Fact]
    public void Create_fills_the_documented_defaults()
    {
        var create = ClaimMapping.Create(TestEntities.Claim(), []);

        Assert.Equal("tenant", create.Name);
        Assert.Equal("acme", create.Value);
        Assert.False(create.IncludeInToken);
        Assert.False(create.IncludeInAllScopes);
        Assert.Empty(create.IncludeInScopes!);
        Assert.True(create.Enabled);
    }

    [Fact]
    public void Create_carries_every_spec_field_and_the_resolved_scope_ids()
    {
        var create = ClaimMapping.Create(FullySpecified(), ScopeIds);

        Assert.Equal("department", create.Name);
        Assert.Equal("${ .Client.Name }", create.Value);
        Assert.True(create.IncludeInToken);
        Assert.True(create.IncludeInAllScopes);
        Assert.Equal(ScopeIds, create.IncludeInScopes);
        Assert.False(create.Enabled);
    }

    [Fact]
    public void No_patch_when_konnect_matches() => Assert.Null(ClaimMapping.Diff(FullySpecified(), ScopeIds, Mirror(FullySpecified(), ScopeIds)));

    [Fact]
    public void Scope_ids_compare_as_a_set()
    {
        var actual = Mirror(FullySpecified(), ScopeIds) with { IncludeInScopes = ["id-2", "id-1"] };

        Assert.Null(ClaimMapping.Diff(FullySpecified(), ScopeIds, actual));
    }

    [Theory]
    [InlineData("id-1")]
    [InlineData("id-1,id-2,id-3")]
    [InlineData("id-1,id-9")]
    [InlineData("")]
    public void Different_scope_ids_are_patched_with_the_desired_list(string actualIds)
    {
        var actual = Mirror(FullySpecified(), ScopeIds) with { IncludeInScopes = actualIds.Split(',', StringSplitOptions.RemoveEmptyEntries) };

        var patch = ClaimMapping.Diff(FullySpecified(), ScopeIds, actual);

        Assert.Equal(new Remote.ClaimPatch { IncludeInScopes = ScopeIds }, patch);
    }

    [Fact]
    public void Removing_every_scope_patches_an_empty_list()
    {
        var patch = ClaimMapping.Diff(FullySpecified(), [], Mirror(FullySpecified(), ScopeIds));

        Assert.NotNull(patch?.IncludeInScopes);
        Assert.Empty(patch.IncludeInScopes);
    }

    public static TheoryData<string> Fields() => ["name", "value", "includeInToken", "includeInAllScopes", "enabled"];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Only_the_differing_field_is_patched(string field)
    {
        var mirror = Mirror(FullySpecified(), ScopeIds);
        var actual = field switch
        {
            "name" => mirror with { Name = "dept" },
            "value" => mirror with { Value = "static" },
            "includeInToken" => mirror with { IncludeInToken = false },
            "includeInAllScopes" => mirror with { IncludeInAllScopes = false },
            "enabled" => mirror with { Enabled = true },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var patch = ClaimMapping.Diff(FullySpecified(), ScopeIds, actual);

        var expected = field switch
        {
            "name" => new Remote.ClaimPatch { Name = "department" },
            "value" => new Remote.ClaimPatch { Value = "${ .Client.Name }" },
            "includeInToken" => new Remote.ClaimPatch { IncludeInToken = true },
            "includeInAllScopes" => new Remote.ClaimPatch { IncludeInAllScopes = true },
            _ => new Remote.ClaimPatch { Enabled = false },
        };
        Assert.Equal(expected, patch);
    }

    [Theory]
    [InlineData("a,b", "b,a", true)]
    [InlineData("a,b", "a,b,b", true)]
    [InlineData("a", "a,b", false)]
    [InlineData("", "", true)]
    [InlineData("A", "a", false)]
    public void Same_set_ignores_order_and_repeats(string desired, string actual, bool same) =>
        Assert.Equal(same, ClaimMapping.SameSet(desired.Split(',', StringSplitOptions.RemoveEmptyEntries), actual.Split(',', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void Same_set_treats_null_as_empty()
    {
        Assert.True(ClaimMapping.SameSet([], null));
        Assert.False(ClaimMapping.SameSet(["a"], null));
    }

    private static Claim FullySpecified() => TestEntities.Claim(spec: s =>
    {
        s.Name = "department";
        s.Value = "${ .Client.Name }";
        s.IncludeInToken = true;
        s.IncludeInAllScopes = true;
        s.Enabled = false;
    });

    private static Remote.Claim Mirror(Claim entity, IReadOnlyList<string> scopeIds)
    {
        var create = ClaimMapping.Create(entity, scopeIds);
        return new Remote.Claim
        {
            Id = "claim-id",
            Name = create.Name,
            Value = create.Value,
            IncludeInToken = create.IncludeInToken!.Value,
            IncludeInAllScopes = create.IncludeInAllScopes!.Value,
            IncludeInScopes = [.. create.IncludeInScopes!],
            Enabled = create.Enabled!.Value,
        };
    }
}
