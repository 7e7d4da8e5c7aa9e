using KongIdentityOperator.Credentials;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Mapping;
using Remote = KongIdentityOperator.Konnect.Identity;

namespace KongIdentityOperator.Tests.Unit.Mapping;

public sealed class ClientMappingTests
{
    private const string Secret = "generated-client-secret";
    private static readonly string[] ScopeIds = ["scope-1", "scope-2"];

    [Fact]
    public void The_display_name_defaults_to_namespace_dash_name()
    {
        Assert.Equal("team-a-orders", ClientMapping.DisplayName(TestEntities.Client()));
        Assert.Equal("Client", ClientMapping.DisplayName(TestEntities.Client(spec: s => s.DisplayName = "Client")));
    }

    [Fact]
    public void The_client_id_comes_from_the_spec_first() =>
        Assert.Equal("my-id", ClientMapping.ClientId(TestEntities.Client(spec: s => { s.ClientId = "my-id"; s.Adopt = new() { Id = "adopted" }; })));

    [Fact]
    public void The_client_id_comes_from_the_adopted_client_next() =>
        Assert.Equal("adopted", ClientMapping.ClientId(TestEntities.Client(spec: s => s.Adopt = new() { Id = "adopted" })));

    [Fact]
    public void The_client_id_is_derived_otherwise()
    {
        Assert.Equal("team-a-orders", ClientMapping.ClientId(TestEntities.Client()));
        var longName = "a-client-with-a-name-long-enough-to-need-a-hash";
        Assert.Equal(ClientIdDeriver.Derive(TestEntities.Namespace, longName), ClientMapping.ClientId(TestEntities.Client(longName)));
    }

    [Fact]
    public void The_upsert_fills_the_documented_defaults_in_wire_names()
    {
        var entity = TestEntities.Client();

        var upsert = ClientMapping.Upsert(entity, [], Secret);

        Assert.Equal("team-a-orders", upsert.Name);
        Assert.Equal(Secret, upsert.ClientSecret);
        Assert.Equal(["client_credentials"], upsert.GrantTypes);
        Assert.Equal(["token"], upsert.ResponseTypes);
        Assert.Empty(upsert.RedirectUris!);
        Assert.Null(upsert.LoginUri);
        Assert.Equal(300, upsert.AccessTokenDuration);
        Assert.Equal(300, upsert.IdTokenDuration);
        Assert.False(upsert.AllowAllScopes);
        Assert.Empty(upsert.AllowScopes!);
        Assert.Equal("client_secret_post", upsert.TokenEndpointAuthMethod);
        Assert.Equal(new Dictionary<string, string> { ["k8s-uid"] = entity.Metadata.Uid, ["k8s-namespace"] = entity.Metadata.NamespaceProperty, ["k8s-name"] = entity.Metadata.Name }, upsert.Labels);
    }

    [Fact]
    public void The_upsert_carries_every_spec_field_in_wire_names()
    {
        var entity = FullySpecified();

        var upsert = ClientMapping.Upsert(entity, ScopeIds, Secret);

        Assert.Equal("Client", upsert.Name);
        Assert.Equal(["client_credentials", "implicit"], upsert.GrantTypes);
        Assert.Equal(["none", "token", "code", "id_token"], upsert.ResponseTypes);
        Assert.Equal(["https://app.example.com/callback"], upsert.RedirectUris);
        Assert.Equal("https://app.example.com/login", upsert.LoginUri);
        Assert.Equal(3600, upsert.AccessTokenDuration);
        Assert.Equal(60, upsert.IdTokenDuration);
        Assert.True(upsert.AllowAllScopes);
        Assert.Equal(ScopeIds, upsert.AllowScopes);
        Assert.Equal("none", upsert.TokenEndpointAuthMethod);
        Assert.Equal("dev", upsert.Labels!["env"]);
        Assert.Equal(entity.Metadata.Uid, upsert.Labels["k8s-uid"]);
    }

    [Fact]
    public void The_upsert_never_prints_the_secret() =>
        Assert.DoesNotContain(Secret, ClientMapping.Upsert(TestEntities.Client(), [], Secret).ToString(), StringComparison.Ordinal);

    [Fact]
    public void Konnect_matching_the_upsert_does_not_differ()
    {
        var upsert = ClientMapping.Upsert(FullySpecified(), ScopeIds, Secret);

        Assert.False(ClientMapping.Differs(upsert, Mirror(upsert)));
    }

    [Fact]
    public void Konnect_matching_the_defaults_does_not_differ()
    {
        var upsert = ClientMapping.Upsert(TestEntities.Client(), [], Secret);

        Assert.False(ClientMapping.Differs(upsert, Mirror(upsert)));
        Assert.False(ClientMapping.Differs(upsert, Mirror(upsert) with { TokenEndpointAuthMethod = null, LoginUri = "" }));
    }

    [Fact]
    public void Lists_compare_as_sets()
    {
        var upsert = ClientMapping.Upsert(FullySpecified(), ScopeIds, Secret);
        var actual = Mirror(upsert) with
        {
            GrantTypes = ["implicit", "client_credentials"],
            ResponseTypes = ["id_token", "code", "token", "none"],
            AllowScopes = ["scope-2", "scope-1"],
        };

        Assert.False(ClientMapping.Differs(upsert, actual));
    }

    public static TheoryData<string> Fields() =>
    [
        "name", "grantTypes", "responseTypes", "redirectUris", "loginUri", "accessTokenDuration", "idTokenDuration",
        "allowAllScopes", "allowScopes", "tokenEndpointAuthMethod", "labels", "labelRemoved",
    ];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Each_field_that_differs_is_noticed(string field)
    {
        var upsert = ClientMapping.Upsert(FullySpecified(), ScopeIds, Secret);
        var mirror = Mirror(upsert);
        var actual = field switch
        {
            "name" => mirror with { Name = "renamed" },
            "grantTypes" => mirror with { GrantTypes = ["client_credentials"] },
            "responseTypes" => mirror with { ResponseTypes = ["token"] },
            "redirectUris" => mirror with { RedirectUris = ["https://evil.example.com/callback"] },
            "loginUri" => mirror with { LoginUri = null },
            "accessTokenDuration" => mirror with { AccessTokenDuration = 300 },
            "idTokenDuration" => mirror with { IdTokenDuration = 300 },
            "allowAllScopes" => mirror with { AllowAllScopes = false },
            "allowScopes" => mirror with { AllowScopes = ["scope-1"] },
            "tokenEndpointAuthMethod" => mirror with { TokenEndpointAuthMethod = "client_secret_post" },
            "labels" => mirror with { Labels = new Dictionary<string, string>(mirror.Labels) { ["env"] = "prod" } },
            "labelRemoved" => mirror with { Labels = new Dictionary<string, string>(mirror.Labels) { ["extra"] = "x" } },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        Assert.True(ClientMapping.Differs(upsert, actual), field);
    }

    [Fact]
    public void A_client_without_an_auth_method_in_konnect_differs_from_none()
    {
        var upsert = ClientMapping.Upsert(FullySpecified(), ScopeIds, Secret);

        Assert.True(ClientMapping.Differs(upsert, Mirror(upsert) with { TokenEndpointAuthMethod = null }));
    }

    private static Client FullySpecified() => TestEntities.Client(spec: s =>
    {
        s.DisplayName = "Client";
        s.GrantTypes = [GrantType.ClientCredentials, GrantType.Implicit];
        s.ResponseTypes = [ResponseType.None, ResponseType.Token, ResponseType.Code, ResponseType.IdToken];
        s.RedirectUris = ["https://app.example.com/callback"];
        s.LoginUri = "https://app.example.com/login";
        s.AccessTokenDurationSeconds = 3600;
        s.IdTokenDurationSeconds = 60;
        s.AllowAllScopes = true;
        s.TokenEndpointAuthMethod = TokenEndpointAuthMethod.None;
        s.Labels = new Dictionary<string, string> { ["env"] = "dev" };
    });

    /// <summary>The client as Konnect returns it after the upsert (never with its secret).</summary>
    private static Remote.Client Mirror(Remote.ClientUpsert upsert) => new()
    {
        Id = "team-a-orders",
        Name = upsert.Name,
        GrantTypes = [.. upsert.GrantTypes],
        ResponseTypes = [.. upsert.ResponseTypes],
        RedirectUris = [.. upsert.RedirectUris!],
        LoginUri = upsert.LoginUri,
        AccessTokenDuration = upsert.AccessTokenDuration!.Value,
        IdTokenDuration = upsert.IdTokenDuration!.Value,
        AllowAllScopes = upsert.AllowAllScopes!.Value,
        AllowScopes = [.. upsert.AllowScopes!],
        TokenEndpointAuthMethod = upsert.TokenEndpointAuthMethod,
        Labels = new Dictionary<string, string>(upsert.Labels!),
    };
}
