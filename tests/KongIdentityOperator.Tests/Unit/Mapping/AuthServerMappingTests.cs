using KongIdentityOperator.Entities;
using KongIdentityOperator.Mapping;
using Remote = KongIdentityOperator.Konnect.Identity;

namespace KongIdentityOperator.Tests.Unit.Mapping;

public sealed class AuthServerMappingTests
{
    [Fact]
    public void The_display_name_defaults_to_namespace_dash_name() =>
        Assert.Equal("team-a-appointments", AuthServerMapping.DisplayName(TestEntities.AuthServer()));

    [Fact]
    public void The_display_name_comes_from_the_spec_when_set() =>
        Assert.Equal("Appointments", AuthServerMapping.DisplayName(TestEntities.AuthServer(spec: s => s.DisplayName = "Appointments")));

    [Fact]
    public void Create_fills_konnect_defaults_for_unset_fields()
    {
        var entity = TestEntities.AuthServer();

        var create = AuthServerMapping.Create(entity);

        Assert.Equal("team-a-appointments", create.Name);
        Assert.Equal("http://myhttpbin.dev", create.Audience);
        Assert.Equal(string.Empty, create.Description);
        Assert.Equal("RS256", create.SigningAlgorithm);
        Assert.Empty(create.TrustedOrigins!);
        Assert.Equal(Marks(entity.Metadata), create.Labels);
    }

    [Fact]
    public void Create_carries_every_spec_field()
    {
        var entity = FullySpecified();

        var create = AuthServerMapping.Create(entity);

        Assert.Equal("Appointments", create.Name);
        Assert.Equal("Issues tokens for appointments", create.Description);
        Assert.Equal("PS512", create.SigningAlgorithm);
        Assert.Equal(["https://app.example.com", "https://admin.example.com"], create.TrustedOrigins);
        Assert.Equal(
            new Dictionary<string, string>(Marks(entity.Metadata)) { ["env"] = "dev", ["team"] = "a" },
            create.Labels);
    }

    [Fact]
    public void Kubernetes_labels_of_the_object_are_not_sent_to_konnect() =>
        Assert.DoesNotContain("app.kubernetes.io/instance", AuthServerMapping.Create(TestEntities.AuthServer()).Labels!.Keys);

    [Fact]
    public void No_patch_when_konnect_matches()
    {
        var entity = FullySpecified();

        Assert.Null(AuthServerMapping.Diff(entity, Mirror(entity)));
    }

    [Fact]
    public void No_patch_when_konnect_matches_the_defaults()
    {
        var entity = TestEntities.AuthServer();

        Assert.Null(AuthServerMapping.Diff(entity, Mirror(entity) with { TrustedOrigins = null }));
    }

    public static TheoryData<string> Fields() => ["name", "audience", "description", "signingAlgorithm", "trustedOrigins", "labels"];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Only_the_differing_field_is_patched(string field)
    {
        var entity = FullySpecified();
        var actual = field switch
        {
            "name" => Mirror(entity) with { Name = "Renamed in the UI" },
            "audience" => Mirror(entity) with { Audience = "http://other" },
            "description" => Mirror(entity) with { Description = "" },
            "signingAlgorithm" => Mirror(entity) with { SigningAlgorithm = "RS256" },
            "trustedOrigins" => Mirror(entity) with { TrustedOrigins = ["https://app.example.com"] },
            "labels" => Mirror(entity) with { Labels = new Dictionary<string, string>(Mirror(entity).Labels) { ["env"] = "prod" } },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var patch = AuthServerMapping.Diff(entity, actual);

        Assert.NotNull(patch);
        var desired = AuthServerMapping.Create(entity);
        Assert.Equal(field == "name" ? desired.Name : null, patch.Name);
        Assert.Equal(field == "audience" ? desired.Audience : null, patch.Audience);
        Assert.Equal(field == "description" ? desired.Description : null, patch.Description);
        Assert.Equal(field == "signingAlgorithm" ? desired.SigningAlgorithm : null, patch.SigningAlgorithm);
        Assert.Equal(field == "trustedOrigins" ? desired.TrustedOrigins : null, patch.TrustedOrigins);
        Assert.Equal(field == "labels" ? desired.Labels!.ToDictionary(l => l.Key, l => (string?)l.Value) : null, patch.Labels);
    }

    // spec.trustedOrigins is a set (x-kubernetes-list-type: set; Konnect: uniqueItems): order carries no meaning,
    // and a reorder must not cost a PATCH on every resync.
    [Fact]
    public void Trusted_origins_compare_as_a_set()
    {
        var entity = FullySpecified();

        Assert.Null(AuthServerMapping.Diff(entity, Mirror(entity) with { TrustedOrigins = ["https://admin.example.com", "https://app.example.com"] }));
    }

    [Fact]
    public void A_cleared_description_is_patched_to_empty()
    {
        var entity = TestEntities.AuthServer();

        var patch = AuthServerMapping.Diff(entity, Mirror(entity) with { Description = "set in the UI" });

        Assert.Equal(string.Empty, patch?.Description);
    }

    [Fact]
    public void A_label_removed_from_the_spec_is_patched_to_null()
    {
        var entity = FullySpecified();
        var actual = Mirror(entity) with { Labels = new Dictionary<string, string>(Mirror(entity).Labels) { ["cost-center"] = "42" } };

        var patch = AuthServerMapping.Diff(entity, actual);

        Assert.NotNull(patch?.Labels);
        Assert.True(patch.Labels.ContainsKey("cost-center"));
        Assert.Null(patch.Labels["cost-center"]);
        Assert.Equal("dev", patch.Labels["env"]);
        Assert.Equal(entity.Metadata.Uid, patch.Labels["k8s-uid"]);
    }

    [Fact]
    public void Lost_ownership_labels_are_put_back()
    {
        var entity = TestEntities.AuthServer();

        var patch = AuthServerMapping.Diff(entity, Mirror(entity) with { Labels = new Dictionary<string, string>() });

        Assert.Equal(
            Marks(entity.Metadata).ToDictionary(m => m.Key, m => (string?)m.Value),
            patch?.Labels);
    }

    private static AuthServer FullySpecified() => TestEntities.AuthServer(spec: s =>
    {
        s.DisplayName = "Appointments";
        s.Description = "Issues tokens for appointments";
        s.SigningAlgorithm = SigningAlgorithm.PS512;
        s.TrustedOrigins = ["https://app.example.com", "https://admin.example.com"];
        s.Labels = new Dictionary<string, string> { ["env"] = "dev", ["team"] = "a" };
    });

    /// <summary>What Konnect returns after creating the auth server the entity asks for.</summary>
    private static Remote.AuthServer Mirror(AuthServer entity)
    {
        var create = AuthServerMapping.Create(entity);
        return new Remote.AuthServer
        {
            Id = "4f0b6c1e-0000-4000-8000-000000000001",
            Name = create.Name,
            Audience = create.Audience,
            Description = create.Description!,
            SigningAlgorithm = create.SigningAlgorithm!,
            Labels = new Dictionary<string, string>(create.Labels!),
            TrustedOrigins = [.. create.TrustedOrigins!],
            Issuer = "https://issuer.example/auth",
        };
    }

    private static Dictionary<string, string> Marks(k8s.Models.V1ObjectMeta owner) =>
        new() { ["k8s-uid"] = owner.Uid, ["k8s-namespace"] = owner.NamespaceProperty, ["k8s-name"] = owner.Name };
}
