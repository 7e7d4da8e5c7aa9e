using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Tests.Unit.Crds;

public sealed class CrdShapeTests
{
    private const string ReadyPath = ".status.conditions[?(@.type==\"Ready\")].status";

    public static TheoryData<string> Kinds() => [.. GeneratedCrds.Kinds];

    public static TheoryData<string, string, string> Names() => new()
    {
        { "AuthServer", "authservers", "kias" },
        { "Scope", "scopes", "kisc" },
        { "Claim", "claims", "kicl" },
        { "Client", "clients", "kicli" },
        { "UpstreamOAuthPolicy", "upstreamoauthpolicies", "uop" },
    };

    public static TheoryData<string, string> IdColumns() => new()
    {
        { "AuthServer", "Konnect ID" },
        { "Scope", "Konnect ID" },
        { "Claim", "Konnect ID" },
        { "Client", "Client ID" },
        { "UpstreamOAuthPolicy", "Plugin ID" },
    };

    [Fact]
    public void There_is_one_crd_per_kind() =>
        Assert.Equal(["AuthServer", "Scope", "Claim", "Client", "UpstreamOAuthPolicy"], GeneratedCrds.All.Select(c => c.Spec.Names.Kind));

    [Theory]
    [MemberData(nameof(Names))]
    public void Names_group_version_and_scope(string kind, string plural, string shortName)
    {
        var crd = GeneratedCrds.Of(kind);

        Assert.Equal("apiextensions.k8s.io/v1", crd.ApiVersion);
        Assert.Equal("CustomResourceDefinition", crd.Kind);
        Assert.Equal($"{plural}.identity.konghq.com", crd.Metadata.Name);
        Assert.Equal("identity.konghq.com", crd.Spec.Group);
        Assert.Equal("Namespaced", crd.Spec.Scope);
        Assert.Equal(kind, crd.Spec.Names.Kind);
        Assert.Equal($"{kind}List", crd.Spec.Names.ListKind);
        Assert.Equal(plural, crd.Spec.Names.Plural);
        Assert.Equal(kind.ToLowerInvariant(), crd.Spec.Names.Singular);
        Assert.Equal([shortName], crd.Spec.Names.ShortNames);
        Assert.Equal(["kong-identity"], crd.Spec.Names.Categories);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void One_served_and_stored_version_with_a_status_subresource(string kind)
    {
        var version = GeneratedCrds.Version(kind);

        Assert.Equal("v1alpha1", version.Name);
        Assert.True(version.Served);
        Assert.True(version.Storage);
        Assert.NotNull(version.Subresources?.Status);
        Assert.Null(version.Subresources.Scale);
    }

    [Theory]
    [MemberData(nameof(IdColumns))]
    public void Printer_columns_show_ready_the_konnect_id_and_age(string kind, string idColumn)
    {
        var columns = GeneratedCrds.Version(kind).AdditionalPrinterColumns.ToDictionary(c => c.Name);

        Assert.Equal(ReadyPath, columns["Ready"].JsonPath);
        Assert.Equal("string", columns["Ready"].Type);
        Assert.Null(columns["Ready"].Priority);
        Assert.Equal(".status.id", columns[idColumn].JsonPath);
        Assert.Null(columns[idColumn].Priority);
        Assert.Equal(".metadata.creationTimestamp", columns["Age"].JsonPath);
        Assert.Equal("date", columns["Age"].Type);
        Assert.Equal("Age", GeneratedCrds.Version(kind).AdditionalPrinterColumns[^1].Name);
        Assert.Equal(kind == "AuthServer", columns.ContainsKey("Issuer"));
    }

    [Fact]
    public void The_auth_server_shows_its_issuer()
    {
        var issuer = Assert.Single(GeneratedCrds.Version("AuthServer").AdditionalPrinterColumns, c => c.Name == "Issuer");

        Assert.Equal(".status.issuer", issuer.JsonPath);
    }

    [Fact]
    public void Printer_columns_point_at_fields_of_the_schema()
    {
        foreach (var kind in GeneratedCrds.Kinds)
        {
            var paths = GeneratedCrds.Nodes(kind).Select(n => "." + n.Path).ToHashSet(StringComparer.Ordinal);
            foreach (var column in GeneratedCrds.Version(kind).AdditionalPrinterColumns.Where(c => !c.JsonPath.StartsWith(".metadata.", StringComparison.Ordinal)))
            {
                var path = column.JsonPath.Split('[')[0];
                Assert.True(paths.Contains(path), $"{kind} column {column.Name} reads {column.JsonPath}, which the schema does not have");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Spec_is_required_and_status_defaults_to_an_unobserved_generation(string kind)
    {
        var root = GeneratedCrds.Root(kind);

        Assert.Equal(["spec"], root.Required);
        var status = root.Properties["status"];
        var defaults = Assert.IsAssignableFrom<IDictionary<string, object?>>(status.DefaultProperty);
        Assert.Equal(new Dictionary<string, object?> { ["observedGeneration"] = -1L }, defaults);
        Assert.Equal(-1L, status.Properties["observedGeneration"].DefaultProperty);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Status_has_the_shared_fields(string kind)
    {
        var status = GeneratedCrds.Root(kind).Properties["status"];

        Assert.Equal("integer", status.Properties["observedGeneration"].Type);
        Assert.Equal("string", status.Properties["id"].Type);
        var conditions = status.Properties["conditions"];
        Assert.Equal("map", conditions.XKubernetesListType);
        Assert.Equal(["type"], conditions.XKubernetesListMapKeys);
        Assert.Equal(["type", "status", "lastTransitionTime", "reason", "message"], conditions.Items is k8s.Models.V1JSONSchemaProps items ? items.Required : null);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_has_a_deletion_policy_defaulting_to_delete(string kind)
    {
        var policy = GeneratedCrds.At(kind, "spec.deletionPolicy");

        Assert.Equal(["Delete", "Orphan"], policy.EnumProperty.Cast<string>());
        Assert.Equal("Delete", policy.DefaultProperty);
    }

    [Fact]
    public void The_group_constants_agree_with_the_crds() =>
        Assert.All(GeneratedCrds.All, crd => Assert.Equal(EntityGroup.Group, crd.Spec.Group));
}
