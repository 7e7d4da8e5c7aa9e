using k8s.Models;

namespace KongIdentityOperator.Tests.Unit.Crds;

/// <summary>What the API server refuses or fills in before the operator sees an object: enums, ranges, defaults, required fields.</summary>
public sealed class CrdFieldTests
{
    [Fact]
    public void The_signing_algorithm_is_an_enum_defaulting_to_rs256()
    {
        var algorithm = GeneratedCrds.At("AuthServer", "spec.signingAlgorithm");

        Assert.Equal(["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"], algorithm.EnumProperty.Cast<string>());
        Assert.Equal("RS256", algorithm.DefaultProperty);
    }

    [Fact]
    public void Grant_types_are_a_set_of_known_values_defaulting_to_client_credentials()
    {
        var grantTypes = GeneratedCrds.At("Client", "spec.grantTypes");

        Assert.Equal(["client_credentials", "implicit"], GeneratedCrds.At("Client", "spec.grantTypes[*]").EnumProperty.Cast<string>());
        Assert.Equal(["client_credentials"], Assert.IsAssignableFrom<IEnumerable<object?>>(grantTypes.DefaultProperty));
        Assert.Equal("set", grantTypes.XKubernetesListType);
        Assert.Equal((1L, 2L), (grantTypes.MinItems, grantTypes.MaxItems));
    }

    [Fact]
    public void Response_types_are_a_set_of_known_values_defaulting_to_token()
    {
        var responseTypes = GeneratedCrds.At("Client", "spec.responseTypes");

        Assert.Equal(["none", "token", "code", "id_token"], GeneratedCrds.At("Client", "spec.responseTypes[*]").EnumProperty.Cast<string>());
        Assert.Equal(["token"], Assert.IsAssignableFrom<IEnumerable<object?>>(responseTypes.DefaultProperty));
        Assert.Equal("set", responseTypes.XKubernetesListType);
    }

    [Theory]
    [InlineData("spec.accessTokenDurationSeconds")]
    [InlineData("spec.idTokenDurationSeconds")]
    public void Token_durations_range_from_a_minute_to_thirty_days_defaulting_to_five_minutes(string path)
    {
        var duration = GeneratedCrds.At("Client", path);

        Assert.Equal("integer", duration.Type);
        Assert.Equal((60.0, 2592000.0), (duration.Minimum, duration.Maximum));
        Assert.Null(duration.ExclusiveMinimum);
        Assert.Null(duration.ExclusiveMaximum);
        Assert.Equal(300L, duration.DefaultProperty);
    }

    [Fact]
    public void The_token_endpoint_auth_method_defaults_to_client_secret_post()
    {
        var method = GeneratedCrds.At("Client", "spec.tokenEndpointAuthMethod");

        Assert.Equal(["client_secret_post", "none"], method.EnumProperty.Cast<string>());
        Assert.Equal("client_secret_post", method.DefaultProperty);
    }

    [Fact]
    public void Client_ids_are_1_to_36_allowed_characters()
    {
        var clientId = GeneratedCrds.At("Client", "spec.clientID");

        Assert.Equal((1L, 36L), (clientId.MinLength, clientId.MaxLength));
        Assert.Equal("^[-_a-zA-Z0-9]{1,36}$", clientId.Pattern);
    }

    // Every id and name that reaches a Konnect URL path is checked at admission (a value such as ".." is refused).
    public static TheoryData<string, string, string> PathPatterns() => new()
    {
        { "AuthServer", "spec.adopt.id", Entities.KonnectIds.UuidPattern },
        { "Scope", "spec.adopt.id", Entities.KonnectIds.UuidPattern },
        { "Claim", "spec.adopt.id", Entities.KonnectIds.UuidPattern },
        { "UpstreamOAuthPolicy", "spec.adopt.id", Entities.KonnectIds.UuidPattern },
        { "Client", "spec.adopt.id", Entities.KonnectIds.ClientIdPattern },
        { "UpstreamOAuthPolicy", "spec.controlPlaneRef.id", Entities.KonnectIds.UuidPattern },
        { "UpstreamOAuthPolicy", "spec.target.service.id", Entities.KonnectIds.UuidPattern },
        { "UpstreamOAuthPolicy", "spec.target.route.id", Entities.KonnectIds.UuidPattern },
        { "UpstreamOAuthPolicy", "spec.target.service.name", Entities.KonnectIds.GatewayNamePattern },
        { "UpstreamOAuthPolicy", "spec.target.route.name", Entities.KonnectIds.GatewayNamePattern },
    };

    [Theory]
    [MemberData(nameof(PathPatterns))]
    public void Ids_and_names_that_reach_url_paths_have_a_pattern(string kind, string path, string pattern) =>
        Assert.Equal(pattern, GeneratedCrds.At(kind, path).Pattern);

    [Theory]
    [InlineData("0f1e2d3c-4b5a-4969-8877-665544332211", true)]
    [InlineData("0F1E2D3C-4B5A-4969-8877-665544332211", true)]
    [InlineData("..", false)]
    [InlineData("../0f1e2d3c-4b5a-4969-8877-6655443322", false)]
    [InlineData("0f1e2d3c-4b5a-4969-8877-665544332211/x", false)]
    [InlineData("0f1e2d3c4b5a496988776655443322110000", false)]
    public void Konnect_ids_are_uuids(string id, bool admitted) =>
        Assert.Equal(admitted, System.Text.RegularExpressions.Regex.IsMatch(id, Entities.KonnectIds.UuidPattern));

    [Theory]
    [InlineData("example-service", true)]
    [InlineData("svc_1.v2~beta", true)]
    [InlineData("dienst-für-zahlungen", true)]
    [InlineData("a/b", false)]
    [InlineData("a b", false)]
    [InlineData("a%2Fb", false)]
    [InlineData("a?b", false)]
    public void Gateway_names_are_kongs(string name, bool admitted) =>
        Assert.Equal(admitted, System.Text.RegularExpressions.Regex.IsMatch(name, Entities.KonnectIds.GatewayNamePattern));

    [Theory]
    [InlineData("https://us.api.konghq.com", true)]
    [InlineData("https://konnect.internal:8443/base", true)]
    [InlineData("http://127.0.0.1:9100", true)]
    [InlineData("https://token@evil.example.com", false)]
    [InlineData("https://us.api.konghq.com@evil.example.com", false)]
    [InlineData("https://us.api.konghq.com?redirect=evil", false)]
    [InlineData("https://us.api.konghq.com/#x", false)]
    [InlineData("https://us.api.konghq.com\\@evil.example.com", false)]
    [InlineData("ftp://us.api.konghq.com", false)]
    public void Server_urls_have_no_user_info_query_or_fragment(string url, bool admitted)
    {
        Assert.Equal(Entities.KonnectSettings.ServerUrlPattern, GeneratedCrds.At("AuthServer", "spec.konnect.serverURL").Pattern);
        Assert.Equal(admitted, System.Text.RegularExpressions.Regex.IsMatch(url, Entities.KonnectSettings.ServerUrlPattern));
    }

    public static TheoryData<string, string, object> Defaults() => new()
    {
        { "Scope", "spec.default", false },
        { "Scope", "spec.includeInMetadata", false },
        { "Scope", "spec.enabled", true },
        { "Claim", "spec.includeInToken", false },
        { "Claim", "spec.includeInAllScopes", false },
        { "Claim", "spec.enabled", true },
        { "Client", "spec.allowAllScopes", false },
        { "Client", "spec.secret.keys.clientID", "client_id" },
        { "Client", "spec.secret.keys.clientSecret", "client_secret" },
        { "Client", "spec.secret.keys.issuer", "issuer" },
        { "Client", "spec.secret.keys.tokenEndpoint", "token_endpoint" },
        { "Client", "spec.secret.keys.scopes", "scopes" },
        { "Client", "spec.secret.keys.audience", "audience" },
        { "UpstreamOAuthPolicy", "spec.enabled", true },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Defaults_match_what_the_operator_assumes(string kind, string path, object expected) =>
        Assert.Equal(expected, GeneratedCrds.At(kind, path).DefaultProperty);

    public static TheoryData<string, string, string> RequiredFields() => new()
    {
        { "AuthServer", "spec", "audience" },
        { "Scope", "spec", "authServerRef" },
        { "Claim", "spec", "authServerRef,name,value" },
        { "Client", "spec", "authServerRef" },
        { "UpstreamOAuthPolicy", "spec", "clientRef,controlPlaneRef" },
        { "Client", "spec.authServerRef", "name" },
        { "Claim", "spec.includeInScopes[*]", "name" },
        { "Client", "spec.clientSecretRef", "name" },
        { "AuthServer", "spec.konnect.tokenSecretRef", "name" },
        { "UpstreamOAuthPolicy", "spec.adopt", "id" },
        { "UpstreamOAuthPolicy", "spec.clientRef", "name" },
    };

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void Required_fields(string kind, string path, string required) =>
        Assert.Equal(required.Split(','), GeneratedCrds.At(kind, path).Required);

    public static TheoryData<string, string, long?, long?> Lengths() => new()
    {
        { "AuthServer", "spec.displayName", 1, 255 },
        { "AuthServer", "spec.audience", 1, 2048 },
        { "AuthServer", "spec.description", null, 1024 },
        { "Scope", "spec.name", 1, 255 },
        { "Claim", "spec.value", 1, 4096 },
        { "Client", "spec.authServerRef.name", 1, 253 },
        { "Client", "spec.adopt.id", 1, 36 },
        { "AuthServer", "spec.adopt.id", 36, 36 },
        { "UpstreamOAuthPolicy", "spec.konnect.serverURL", 1, 512 },
    };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void String_lengths(string kind, string path, long? min, long? max)
    {
        var schema = GeneratedCrds.At(kind, path);

        Assert.Equal("string", schema.Type);
        Assert.Equal((min, max), (schema.MinLength, schema.MaxLength));
    }

    [Theory]
    [InlineData("AuthServer")]
    [InlineData("Client")]
    public void At_most_two_user_labels_leave_room_for_the_ownership_markers(string kind)
    {
        var labels = GeneratedCrds.At(kind, "spec.labels");

        Assert.Equal(2, labels.MaxProperties);
        Assert.Equal("string", GeneratedCrds.At(kind, "spec.labels{*}").Type);
    }

    [Fact]
    public void Regions_are_the_konnect_regions()
    {
        Assert.Equal(Konnect.KonnectRegions.All, GeneratedCrds.At("AuthServer", "spec.konnect.region").EnumProperty.Cast<string>());
        Assert.Equal(Konnect.KonnectRegions.All, GeneratedCrds.At("UpstreamOAuthPolicy", "spec.konnect.region").EnumProperty.Cast<string>());
    }

    [Fact]
    public void Plugin_settings_follow_the_upstream_oauth_schema()
    {
        Assert.Equal(["client_secret_post", "client_secret_basic"], GeneratedCrds.At("UpstreamOAuthPolicy", "spec.client.authMethod").EnumProperty.Cast<string>());
        Assert.Equal((0.0, 2147483646.0), (GeneratedCrds.At("UpstreamOAuthPolicy", "spec.client.timeoutMilliseconds").Minimum, GeneratedCrds.At("UpstreamOAuthPolicy", "spec.client.timeoutMilliseconds").Maximum));
        Assert.Equal(0.0, GeneratedCrds.At("UpstreamOAuthPolicy", "spec.cache.eagerlyExpireSeconds").Minimum);
        var ttl = GeneratedCrds.At("UpstreamOAuthPolicy", "spec.cache.defaultTtlSeconds");
        Assert.Equal(("number", 0.0, (bool?)true), (ttl.Type, ttl.Minimum, ttl.ExclusiveMinimum));
        var status = GeneratedCrds.At("UpstreamOAuthPolicy", "spec.behavior.idpErrorResponseStatusCode");
        Assert.Equal((500.0, 599.0), (status.Minimum, status.Maximum));
        Assert.Equal("integer", GeneratedCrds.At("UpstreamOAuthPolicy", "spec.behavior.purgeTokenOnUpstreamStatusCodes[*]").Type);
    }

    [Fact]
    public void The_rotation_period_and_grace_period_are_go_durations()
    {
        Assert.Equal("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$", GeneratedCrds.At("Client", "spec.secret.rotationPeriod").Pattern);
        Assert.Equal("^(0|([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)$", GeneratedCrds.At("Client", "spec.secret.rotationGracePeriod").Pattern);
        Assert.Equal("10m", GeneratedCrds.At("Client", "spec.secret.rotationGracePeriod").DefaultProperty);
    }

    [Fact]
    public void Status_fields_use_the_documented_names()
    {
        Assert.Equal(["conditions", "id", "issuer", "jwksURI", "metadataURI", "observedGeneration", "tokenEndpoint"], Properties("AuthServer", "status"));
        Assert.Equal(["authServerID", "conditions", "createRequestedAt", "id", "name", "observedGeneration"], Properties("Scope", "status"));
        Assert.Equal(
            ["authServerID", "conditions", "id", "observedGeneration", "previousSecretExpiresAt", "previousSecretID", "rotationRequest", "secretID", "secretName", "secretRotatedAt", "secretVersion"],
            Properties("Client", "status"));
        Assert.Equal(["clientSecretVersion", "conditions", "controlPlaneID", "id", "observedGeneration", "targetID"], Properties("UpstreamOAuthPolicy", "status"));
    }

    private static IEnumerable<string> Properties(string kind, string path) =>
        (GeneratedCrds.At(kind, path).Properties ?? new Dictionary<string, V1JSONSchemaProps>()).Keys.Order(StringComparer.Ordinal);
}
