using KongIdentityOperator.Configuration;

namespace KongIdentityOperator.Tests.Unit.Security;

/// <summary>A serverURL matches an allowed server exactly: scheme, host, port and base path; nothing looser.</summary>
public sealed class AllowedServersTests
{
    private static readonly AllowedServers Allowed = new([new Uri("https://us.api.konghq.com"), new Uri("http://127.0.0.1:9100/konnect")]);

    [Theory]
    [InlineData("https://us.api.konghq.com")]
    [InlineData("https://us.api.konghq.com/")]
    [InlineData("https://US.API.KONGHQ.COM")]
    [InlineData("https://us.api.konghq.com:443")]
    [InlineData("HTTPS://us.api.konghq.com")]
    [InlineData("http://127.0.0.1:9100/konnect")]
    [InlineData("http://127.0.0.1:9100/konnect/")]
    public void The_same_server_in_another_spelling_is_allowed(string url) => Assert.True(Allowed.Allows(new Uri(url)));

    [Theory]
    [InlineData("http://us.api.konghq.com")]
    [InlineData("https://us.api.konghq.com:8443")]
    [InlineData("https://us.api.konghq.com/v1")]
    [InlineData("https://us.api.konghq.com.")]
    [InlineData("https://us.api.konghq.com.evil.example.com")]
    [InlineData("https://eu.api.konghq.com")]
    [InlineData("https://token@us.api.konghq.com")]
    [InlineData("https://us.api.konghq.com/?next=evil")]
    [InlineData("https://us.api.konghq.com/#x")]
    [InlineData("http://127.0.0.1:9101/konnect")]
    [InlineData("http://127.0.0.1:9100")]
    [InlineData("http://127.0.0.1:9100/KONNECT")]
    [InlineData("http://127.0.0.1:9100/konnect/v1")]
    [InlineData("http://localhost:9100/konnect")]
    [InlineData("https://127.0.0.1:9100/konnect")]
    [InlineData("ftp://us.api.konghq.com")]
    public void Anything_else_is_not(string url) => Assert.False(Allowed.Allows(new Uri(url)));

    [Fact]
    public void The_defaults_are_the_six_region_servers_over_https()
    {
        var defaults = new AllowedServers(AllowedServers.RegionDefaults);

        Assert.Equal(6, AllowedServers.RegionDefaults.Count);
        Assert.All(["us", "eu", "au", "me", "in", "sg"], region => Assert.True(defaults.Allows(new Uri($"https://{region}.api.konghq.com"))));
        Assert.All(AllowedServers.RegionDefaults, server => Assert.Equal(Uri.UriSchemeHttps, server.Scheme));
    }

    [Fact]
    public void With_an_override_only_the_override_is_allowed()
    {
        var allowed = AllowedServers.For(new OperatorOptions { KonnectServerUrl = new Uri("http://127.0.0.1:9100"), AllowedKonnectServers = [new Uri("https://eu.api.konghq.com")] });

        Assert.True(allowed.Allows(new Uri("http://127.0.0.1:9100/")));
        Assert.False(allowed.Allows(new Uri("https://eu.api.konghq.com")));
        Assert.False(allowed.Allows(new Uri("https://us.api.konghq.com")));
    }
}
