using KongIdentityOperator.Entities;
using KongIdentityOperator.Mapping;
using KongIdentityOperator.Tests.Unit.Crds;

namespace KongIdentityOperator.Tests.Unit.Mapping;

public sealed class WireNamesTests
{
    [Theory]
    [InlineData(GrantType.ClientCredentials, "client_credentials")]
    [InlineData(GrantType.Implicit, "implicit")]
    [InlineData(ResponseType.None, "none")]
    [InlineData(ResponseType.Token, "token")]
    [InlineData(ResponseType.Code, "code")]
    [InlineData(ResponseType.IdToken, "id_token")]
    [InlineData(TokenEndpointAuthMethod.ClientSecretPost, "client_secret_post")]
    [InlineData(TokenEndpointAuthMethod.None, "none")]
    [InlineData(UpstreamAuthMethod.ClientSecretPost, "client_secret_post")]
    [InlineData(UpstreamAuthMethod.ClientSecretBasic, "client_secret_basic")]
    [InlineData(KonnectRegion.Us, "us")]
    [InlineData(KonnectRegion.In, "in")]
    [InlineData(SigningAlgorithm.RS256, "RS256")]
    [InlineData(SigningAlgorithm.PS512, "PS512")]
    [InlineData(DeletionPolicy.Orphan, "Orphan")]
    public void Enums_use_their_json_member_name_else_their_name(Enum value, string expected) =>
        Assert.Equal(expected, Of(value));

    public static TheoryData<Type, string, string> EnumsInCrds() => new()
    {
        { typeof(GrantType), "Client", "spec.grantTypes[*]" },
        { typeof(ResponseType), "Client", "spec.responseTypes[*]" },
        { typeof(TokenEndpointAuthMethod), "Client", "spec.tokenEndpointAuthMethod" },
        { typeof(UpstreamAuthMethod), "UpstreamOAuthPolicy", "spec.client.authMethod" },
        { typeof(KonnectRegion), "AuthServer", "spec.konnect.region" },
        { typeof(SigningAlgorithm), "AuthServer", "spec.signingAlgorithm" },
        { typeof(DeletionPolicy), "Scope", "spec.deletionPolicy" },
    };

    // What the operator sends to Konnect and what the API server admits must be spelled the same.
    [Theory]
    [MemberData(nameof(EnumsInCrds))]
    public void Wire_names_are_the_values_the_crd_admits(Type enumType, string kind, string path) =>
        Assert.Equal(
            GeneratedCrds.At(kind, path).EnumProperty.Cast<string>(),
            Enum.GetValues(enumType).Cast<Enum>().Select(Of));

    // WireNames is generic over the enum (so that AOT keeps its fields); the theories hand over boxed values.
    private static string Of(Enum value) => value switch
    {
        GrantType v => WireNames.Of(v),
        ResponseType v => WireNames.Of(v),
        TokenEndpointAuthMethod v => WireNames.Of(v),
        UpstreamAuthMethod v => WireNames.Of(v),
        KonnectRegion v => WireNames.Of(v),
        SigningAlgorithm v => WireNames.Of(v),
        DeletionPolicy v => WireNames.Of(v),
        _ => throw new ArgumentException($"no case for {value.GetType().Name}", nameof(value)),
    };
}
