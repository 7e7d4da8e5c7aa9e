using System.Net;
using System.Net.Http.Headers;
using KongIdentityOperator.Sandbox.Konnect.Tests.Support;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>Bearer authentication of the management API: 401 for a missing or unknown token, in each API family's shape.</summary>
public sealed class AuthenticationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer kpat_unknown")]
    [InlineData("Basic a3BhdF90ZXN0Og==")]
    public async Task Missing_or_unknown_tokens_get_a_401_problem(string? authorization)
    {
        await using var api = await EmulatorClient.StartAsync();

        var identity = await SendAsync(api, "/v1/auth-servers", authorization);
        var planes = await SendAsync(api, "/v2/control-planes", authorization);

        IdentityValidationTests.AssertProblem(identity, HttpStatusCode.Unauthorized);
        IdentityValidationTests.AssertProblem(planes, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", identity.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task Core_entities_answer_401_with_kongs_message_body()
    {
        await using var api = await EmulatorClient.StartAsync();
        var planeId = await api.CreateControlPlaneAsync();

        var response = await SendAsync(api, $"/v2/control-planes/{planeId}/core-entities/plugins", "Bearer nope");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("Unauthorized", response.String("message"));
        Assert.Equal(401, response.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Every_configured_token_is_accepted_and_issuer_endpoints_need_none()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api);

        var second = await SendAsync(api, "/v1/auth-servers", "Bearer spat_second");
        var discovery = await SendAsync(api, setup.Issuer + "/.well-known/openid-configuration", null);
        var jwks = await SendAsync(api, setup.Issuer + "/.well-known/jwks", null);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(HttpStatusCode.OK, discovery.Status);
        Assert.Equal(HttpStatusCode.OK, jwks.Status);
    }

    [Fact]
    public async Task Without_configured_tokens_any_bearer_token_works_but_one_is_still_required()
    {
        await using var api = await EmulatorClient.StartAsync(o => o.Tokens = []);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, "/v1/auth-servers", "Bearer anything")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(api, "/v1/auth-servers", null)).Status);
    }

    /// <summary>Sends with exactly the given Authorization header (none when null), bypassing the client's default token.</summary>
    private static async Task<ApiResponse> SendAsync(EmulatorClient api, string path, string? authorization)
    {
        using var http = new HttpClient { BaseAddress = api.Emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return await ApiResponse.ReadAsync(response);
    }
}
