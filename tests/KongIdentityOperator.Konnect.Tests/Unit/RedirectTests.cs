using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Konnect.Tests.Unit;

/// <summary>The client follows no redirect: a token goes to the server it was resolved for and nowhere else.</summary>
public sealed class RedirectTests
{
    private const string Token = "spat_redirect_test_token_0123456789";

    [Theory]
    [InlineData(301, "Moved Permanently")]
    [InlineData(302, "Found")]
    [InlineData(307, "Temporary Redirect")]
    [InlineData(308, "Permanent Redirect")]
    public async Task A_redirect_to_another_host_is_not_followed_and_the_host_receives_nothing(int status, string reason)
    {
        await using var elsewhere = new TinyHttpServer(_ => TinyHttpServer.Response(200, "OK", "Content-Type: application/json"));
        await using var redirector = new TinyHttpServer(head => TinyHttpServer.Response(status, reason, $"Location: {elsewhere.BaseAddress}v1/auth-servers"));
        var services = new ServiceCollection();
        services.AddKonnectClient(o => o.MaxRetryAttempts = 0);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IKonnectClientFactory>().For(new KonnectConnection(redirector.BaseAddress, Token));

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => client.AuthServers.GetAsync("0f1e2d3c-4b5a-4969-8877-665544332211", TestContext.Current.CancellationToken));

        Assert.Equal(status, (int)error.StatusCode);
        Assert.Single(redirector.Requests);
        Assert.Empty(elsewhere.Requests);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }
}
