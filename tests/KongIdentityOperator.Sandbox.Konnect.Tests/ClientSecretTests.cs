using System.Net;
using KongIdentityOperator.Sandbox.Konnect.Tests.Support;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>Client secrets: PUT upsert with a caller-chosen secret, PATCH client_secret, the secrets sub-resource and its limit.</summary>
public sealed class ClientSecretTests
{
    private const string Body = """{"name":"svc","client_secret":"%SECRET%","grant_types":["client_credentials"],"response_types":["token"],"access_token_duration":600}""";

    [Fact]
    public async Task Put_creates_with_201_then_replaces_with_200_and_only_the_new_secret_authenticates()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();
        var issuer = (await api.GetAsync($"/v1/auth-servers/{serverId}")).String("issuer");
        var path = $"/v1/auth-servers/{serverId}/clients/ns_my-client";

        var created = await api.PutAsync(path, Body.Replace("%SECRET%", "first-secret", StringComparison.Ordinal));
        var firstToken = await TokenAsync(api, issuer, "ns_my-client", "first-secret");
        var replaced = await api.PutAsync(path, Body.Replace("%SECRET%", "second-secret", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("ns_my-client", created.String("id"));
        Assert.False(created.Body.TryGetProperty("client_secret", out _));
        Assert.Equal(HttpStatusCode.OK, firstToken.Status);
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal(created.String("created_at"), replaced.String("created_at"));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(api, issuer, "ns_my-client", "second-secret")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(api, issuer, "ns_my-client", "first-secret")).Status);
        var client = Assert.Single(api.Emulator.Snapshot().AllClients);
        Assert.Single(client.Secrets);
        Assert.True(api.Emulator.VerifyClientSecret(serverId, "ns_my-client", "second-secret"));
    }

    [Fact]
    public async Task Put_requires_the_secret_and_the_other_required_fields()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();

        var response = await api.PutAsync($"/v1/auth-servers/{serverId}/clients/abc", """{"name":"svc"}""");

        Assert.Equal(
            [("client_secret", "required"), ("grant_types", "required"), ("response_types", "required")],
            response.InvalidParameters().OrderBy(p => p.Field).ToList());
    }

    [Fact]
    public async Task Patch_client_secret_replaces_the_primary_secret()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();
        var issuer = (await api.GetAsync($"/v1/auth-servers/{serverId}")).String("issuer");
        var client = await api.CreateAsync($"/v1/auth-servers/{serverId}/clients", """{"name":"c","grant_types":["client_credentials"],"response_types":["token"]}""");
        var id = client.String("id");

        var patched = await api.PatchAsync($"/v1/auth-servers/{serverId}/clients/{id}", """{"client_secret":"patched-secret"}""");

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.False(patched.Body.TryGetProperty("client_secret", out _));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(api, issuer, id, "patched-secret")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(api, issuer, id, client.String("client_secret"))).Status);
    }

    [Fact]
    public async Task At_most_two_enabled_secrets_and_any_enabled_one_authenticates()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();
        var issuer = (await api.GetAsync($"/v1/auth-servers/{serverId}")).String("issuer");
        var client = await api.CreateAsync($"/v1/auth-servers/{serverId}/clients", """{"name":"c","grant_types":["client_credentials"],"response_types":["token"]}""");
        var id = client.String("id");
        var secrets = $"/v1/auth-servers/{serverId}/clients/{id}/secrets";

        var second = await api.PostAsync(secrets, "{}");
        var third = await api.PostAsync(secrets, """{"secret":"third"}""");
        var disabledExtra = await api.PostAsync(secrets, """{"secret":"parked","enabled":false}""");

        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.False(string.IsNullOrEmpty(second.String("secret")));
        IdentityValidationTests.AssertProblem(third, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, disabledExtra.Status);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(api, issuer, id, client.String("client_secret"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(api, issuer, id, second.String("secret"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(api, issuer, id, "parked")).Status);

        var list = await api.GetAsync(secrets);
        Assert.Equal(3, list.Body.GetProperty("meta").GetProperty("page").GetProperty("total").GetInt32());
        Assert.All(list.Body.GetProperty("data").EnumerateArray(), s => Assert.False(s.TryGetProperty("secret", out _)));
        var enabledOnly = await api.GetAsync(secrets + "?filter[enabled]=true");
        Assert.Equal(2, enabledOnly.Body.GetProperty("data").GetArrayLength());

        var enableThird = await api.PatchAsync($"{secrets}/{disabledExtra.String("id")}", """{"enabled":true}""");
        Assert.Equal(HttpStatusCode.BadRequest, enableThird.Status);
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsync($"{secrets}/{second.String("id")}", """{"enabled":false}""")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(api, issuer, id, second.String("secret"))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{secrets}/{second.String("id")}")).Status);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync(secrets, """{"secret":"rotated"}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(api, issuer, id, "rotated")).Status);
    }

    private static Task<ApiResponse> TokenAsync(EmulatorClient api, string issuer, string clientId, string secret) =>
        api.RequestTokenAsync(issuer + "/oauth/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        });
}
