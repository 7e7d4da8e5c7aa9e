using KongIdentityOperator.Credentials;

namespace KongIdentityOperator.Tests.Unit.Credentials;

public sealed class SecretKeyNamesTests
{
    [Fact]
    public void Defaults_are_the_documented_key_names()
    {
        var keys = SecretKeyNames.For(TestEntities.Client());

        Assert.Equal(new SecretKeyNames("client_id", "client_secret", "issuer", "token_endpoint", "scopes", "audience"), keys);
    }

    [Fact]
    public void Defaults_apply_when_the_secret_output_has_no_keys()
    {
        var keys = SecretKeyNames.For(TestEntities.Client(spec: s => s.Secret = new() { Name = "creds" }));

        Assert.Equal(new SecretKeyNames("client_id", "client_secret", "issuer", "token_endpoint", "scopes", "audience"), keys);
    }

    [Fact]
    public void Each_key_can_be_renamed_on_its_own()
    {
        var client = TestEntities.Client(spec: s => s.Secret = new()
        {
            Keys = new() { ClientId = "a", ClientSecret = "b", Issuer = "c", TokenEndpoint = "d", Scopes = "e", Audience = "f" },
        });

        Assert.Equal(new SecretKeyNames("a", "b", "c", "d", "e", "f"), SecretKeyNames.For(client));
    }

    [Fact]
    public void Unset_keys_keep_their_defaults_next_to_renamed_ones()
    {
        var client = TestEntities.Client(spec: s => s.Secret = new() { Keys = new() { TokenEndpoint = "url" } });

        Assert.Equal(new SecretKeyNames("client_id", "client_secret", "issuer", "url", "scopes", "audience"), SecretKeyNames.For(client));
    }

    [Theory]
    [InlineData(null, "orders-credentials")]
    [InlineData("gateway-creds", "gateway-creds")]
    public void The_secret_name_defaults_to_the_client_name_with_credentials(string? name, string expected) =>
        Assert.Equal(expected, SecretKeyNames.SecretName(TestEntities.Client(spec: s => s.Secret = new() { Name = name })));
}
