using KongIdentityOperator.Konnect.RateLimiting;

namespace KongIdentityOperator.Konnect.Tests.Unit;

public sealed class ConnectionTests
{
    private const string Token = "kpat_secret_token_value_xyz";

    [Fact]
    public void ToString_redacts_the_token()
    {
        var connection = new KonnectConnection(new Uri("https://eu.api.konghq.com"), Token);

        var text = connection.ToString();

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.Contains("https://eu.api.konghq.com", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us", "https://us.api.konghq.com/")]
    [InlineData("EU", "https://eu.api.konghq.com/")]
    [InlineData("au", "https://au.api.konghq.com/")]
    [InlineData("me", "https://me.api.konghq.com/")]
    [InlineData("in", "https://in.api.konghq.com/")]
    [InlineData("sg", "https://sg.api.konghq.com/")]
    public void Regions_map_to_their_server_url(string region, string expected) =>
        Assert.Equal(expected, KonnectRegions.ServerUrlFor(region).AbsoluteUri);

    [Fact]
    public void Unknown_region_is_rejected() =>
        Assert.Throws<ArgumentException>(() => KonnectRegions.ServerUrlFor("mars"));

    [Theory]
    [InlineData("ftp://us.api.konghq.com")]
    [InlineData("/relative")]
    public void Server_url_must_be_absolute_http(string url) =>
        Assert.Throws<ArgumentException>(() => new KonnectConnection(new Uri(url, UriKind.RelativeOrAbsolute), Token));

    [Fact]
    public void Blank_token_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new KonnectConnection(new Uri("https://us.api.konghq.com"), " "));

    [Fact]
    public void Rate_limit_key_hashes_the_token()
    {
        var first = KonnectRateLimitKey.For(KonnectConnection.ForRegion("us", Token));
        var same = KonnectRateLimitKey.For(KonnectConnection.ForRegion("us", Token));
        var otherToken = KonnectRateLimitKey.For(KonnectConnection.ForRegion("us", Token + "2"));
        var otherServer = KonnectRateLimitKey.For(KonnectConnection.ForRegion("eu", Token));

        Assert.Equal(first, same);
        Assert.NotEqual(first, otherToken);
        Assert.NotEqual(first, otherServer);
        Assert.Equal(12, first.TokenHash.Length);
        Assert.DoesNotContain(Token, first.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, first.TokenHash, StringComparison.Ordinal);
        Assert.Equal("https://us.api.konghq.com", first.ServerUrl);
    }
}
