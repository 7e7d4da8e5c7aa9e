using KongIdentityOperator.Entities;
using KongIdentityOperator.Mapping;
using Remote = KongIdentityOperator.Konnect.Identity;

namespace KongIdentityOperator.Tests.Unit.Mapping;

public sealed class ScopeMappingTests
{
    [Fact]
    public void The_scope_name_defaults_to_the_object_name() =>
        Assert.Equal("my-scope", ScopeMapping.ScopeName(TestEntities.Scope()));

    [Fact]
    public void The_scope_name_comes_from_the_spec_when_set() =>
        Assert.Equal("orders:read", ScopeMapping.ScopeName(TestEntities.Scope(spec: s => s.Name = "orders:read")));

    [Fact]
    public void Create_fills_the_documented_defaults()
    {
        var create = ScopeMapping.Create(TestEntities.Scope());

        Assert.Equal(new Remote.ScopeCreate("my-scope") { Description = "", Default = false, IncludeInMetadata = false, Enabled = true }, create);
    }

    [Fact]
    public void Create_carries_every_spec_field()
    {
        var create = ScopeMapping.Create(FullySpecified());

        Assert.Equal(new Remote.ScopeCreate("orders:read") { Description = "Read orders", Default = true, IncludeInMetadata = true, Enabled = false }, create);
    }

    [Fact]
    public void No_patch_when_konnect_matches()
    {
        Assert.Null(ScopeMapping.Diff(FullySpecified(), Mirror(FullySpecified())));
        Assert.Null(ScopeMapping.Diff(TestEntities.Scope(), Mirror(TestEntities.Scope())));
    }

    public static TheoryData<string> Fields() => ["name", "description", "default", "includeInMetadata", "enabled"];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Only_the_differing_field_is_patched(string field)
    {
        var entity = FullySpecified();
        var mirror = Mirror(entity);
        var actual = field switch
        {
            "name" => mirror with { Name = "orders:write" },
            "description" => mirror with { Description = "edited" },
            "default" => mirror with { Default = false },
            "includeInMetadata" => mirror with { IncludeInMetadata = false },
            "enabled" => mirror with { Enabled = true },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var patch = ScopeMapping.Diff(entity, actual);

        var expected = field switch
        {
            "name" => new Remote.ScopePatch { Name = "orders:read" },
            "description" => new Remote.ScopePatch { Description = "Read orders" },
            "default" => new Remote.ScopePatch { Default = true },
            "includeInMetadata" => new Remote.ScopePatch { IncludeInMetadata = true },
            _ => new Remote.ScopePatch { Enabled = false },
        };
        Assert.Equal(expected, patch);
    }

    private static Scope FullySpecified() => TestEntities.Scope(spec: s =>
    {
        s.Name = "orders:read";
        s.Description = "Read orders";
        s.Default = true;
        s.IncludeInMetadata = true;
        s.Enabled = false;
    });

    private static Remote.Scope Mirror(Scope entity)
    {
        var create = ScopeMapping.Create(entity);
        return new Remote.Scope
        {
            Id = "scope-id",
            Name = create.Name,
            Description = create.Description!,
            Default = create.Default!.Value,
            IncludeInMetadata = create.IncludeInMetadata!.Value,
            Enabled = create.Enabled!.Value,
        };
    }
}
