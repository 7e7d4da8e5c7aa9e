using System.Net;
using KongIdentityOperator.Sandbox.Konnect.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>
/// Client secrets: PUT upsert with a caller-chosen secret, PATCH client_secret (both a cut-over to one secret), the
/// secrets sub-resource and its limit of two enabled secrets.
/// </summary>
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
    public async Task Put_with_a_new_client_secret_cuts_over_to_exactly_one_secret()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();
        var issuer = (await api.GetAsync($"/v1/auth-servers/{serverId}")).String("issuer");
        var path = $"/v1/auth-servers/{serverId}/clients/ns_my-client";
        await api.PutAsync(path, Body.Replace("%SECRET%", "first-secret", StringComparison.Ordinal));
        var added = await api.CreateAsync(path + "/secrets", """{"secret":"added-secret"}""");
        var before = await SecretIdsAsync(api, path + "/secrets");

        var replaced = await api.PutAsync(path, Body.Replace("%SECRET%", "second-secret", StringComparison.Ordinal));
        var after = await SecretIdsAsync(api, path + "/secrets");

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal(2, before.Count);
        var only = Assert.Single(after);
        Assert.DoesNotContain(only, before);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{path}/secrets/{added.String("id")}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(api, issuer, "ns_my-client", "second-secret")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(api, issuer, "ns_my-client", "first-secret")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(api, issuer, "ns_my-client", "added-secret")).Status);
    }

    [Fact]
    public async Task Patch_with_client_secret_cuts_over_to_exactly_one_secret()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api);
        var path = $"/v1/auth-servers/{setup.ServerId}/clients/{setup.ClientId}";
        var added = await api.CreateAsync(path + "/secrets", "{}");

        var patched = await api.PatchAsync(path, """{"client_secret":"patched-secret"}""");

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.False(patched.Body.TryGetProperty("client_secret", out _));
        Assert.Single(await SecretIdsAsync(api, path + "/secrets"));
        Assert.Equal(HttpStatusCode.OK, (await setup.TokenAsync(secret: "patched-secret")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await setup.TokenAsync()).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await setup.TokenAsync(secret: added.String("secret"))).Status);
    }

    [Fact]
    public async Task Patch_without_client_secret_keeps_every_secret()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api);
        var path = $"/v1/auth-servers/{setup.ServerId}/clients/{setup.ClientId}";
        var added = await api.CreateAsync(path + "/secrets", "{}");
        var before = await SecretIdsAsync(api, path + "/secrets");

        var patched = await api.PatchAsync(path, """{"name":"renamed","access_token_duration":900}""");

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal(before, await SecretIdsAsync(api, path + "/secrets"));
        Assert.Equal(HttpStatusCode.OK, (await setup.TokenAsync()).Status);
        Assert.Equal(HttpStatusCode.OK, (await setup.TokenAsync(secret: added.String("secret"))).Status);
    }

    [Fact]
    public async Task Rotation_adds_a_chosen_secret_refuses_a_third_and_deleting_one_makes_room()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api);
        var secrets = $"/v1/auth-servers/{setup.ServerId}/clients/{setup.ClientId}/secrets";
        var original = Assert.Single(await SecretIdsAsync(api, secrets));

        var added = await api.PostAsync(secrets, """{"secret":"new-secret","enabled":true}""");
        var list = await api.GetAsync(secrets);
        var third = await api.PostAsync(secrets, """{"secret":"third-secret"}""");

        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Equal("new-secret", added.String("secret"));
        Assert.True(added.Body.GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{secrets}/{added.String("id")}")).Status);
        Assert.False((await api.GetAsync($"{secrets}/{added.String("id")}")).Body.TryGetProperty("secret", out _));
        Assert.Equal([original, added.String("id")], Ids(list));
        Assert.All(list.Body.GetProperty("data").EnumerateArray(), s => Assert.False(s.TryGetProperty("secret", out _)));
        Assert.DoesNotContain("new-secret", list.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await setup.TokenAsync()).Status);
        Assert.Equal(HttpStatusCode.OK, (await setup.TokenAsync(secret: "new-secret")).Status);
        IdentityValidationTests.AssertProblem(third, HttpStatusCode.Forbidden);
        Assert.Equal("Forbidden", third.String("title"));
        Assert.Contains("limit", third.String("detail"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("third-secret", third.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await setup.TokenAsync(secret: "third-secret")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{secrets}/{original}")).Status);
        var retried = await api.PostAsync(secrets, """{"secret":"third-secret"}""");

        Assert.Equal(HttpStatusCode.Created, retried.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await setup.TokenAsync()).Status);
        Assert.Equal(HttpStatusCode.OK, (await setup.TokenAsync(secret: "new-secret")).Status);
        Assert.Equal(HttpStatusCode.OK, (await setup.TokenAsync(secret: "third-secret")).Status);
        Assert.Equal([added.String("id"), retried.String("id")], await SecretIdsAsync(api, secrets));
    }

    [Fact]
    public async Task An_empty_secret_is_a_bad_request_on_secret()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api);

        var response = await api.PostAsync($"/v1/auth-servers/{setup.ServerId}/clients/{setup.ClientId}/secrets", """{"secret":""}""");

        IdentityValidationTests.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal("secret", Assert.Single(response.InvalidParameters()).Field);
    }

    [Fact]
    public async Task Enabling_a_third_secret_is_a_bad_request_that_names_the_limit()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api);
        var secrets = $"/v1/auth-servers/{setup.ServerId}/clients/{setup.ClientId}/secrets";
        await api.CreateAsync(secrets, "{}");
        var parked = await api.CreateAsync(secrets, """{"enabled":false}""");

        var response = await api.PatchAsync($"{secrets}/{parked.String("id")}", """{"enabled":true}""");

        IdentityValidationTests.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("limit", response.String("detail"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal([("enabled", "invalid")], response.InvalidParameters());
        Assert.False((await api.GetAsync($"{secrets}/{parked.String("id")}")).Body.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Deleting_the_last_secret_is_allowed_and_leaves_the_client_without_tokens()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api);
        var secrets = $"/v1/auth-servers/{setup.ServerId}/clients/{setup.ClientId}/secrets";
        var only = Assert.Single(await SecretIdsAsync(api, secrets));

        var unknown = await api.DeleteAsync($"{secrets}/{Guid.NewGuid()}");
        var deleted = await api.DeleteAsync($"{secrets}/{only}");
        var again = await api.DeleteAsync($"{secrets}/{only}");

        IdentityValidationTests.AssertProblem(unknown, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        IdentityValidationTests.AssertProblem(again, HttpStatusCode.NotFound);
        Assert.Empty(await SecretIdsAsync(api, secrets));
        Assert.Equal(HttpStatusCode.Unauthorized, (await setup.TokenAsync()).Status);
        Assert.False(api.Emulator.VerifyClientSecret(setup.ServerId, setup.ClientId, setup.ClientSecret));
    }

    [Fact]
    public async Task The_list_is_ordered_by_created_at_and_the_snapshot_shows_the_same_secrets_without_values()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var api = await EmulatorClient.StartAsync(o => o.TimeProvider = time);
        var setup = await IdentitySetup.CreateAsync(api);
        var secrets = $"/v1/auth-servers/{setup.ServerId}/clients/{setup.ClientId}/secrets";
        time.Advance(TimeSpan.FromMinutes(1));
        var parked = await api.CreateAsync(secrets, """{"secret":"parked-secret","enabled":false}""");
        time.Advance(TimeSpan.FromMinutes(1));
        var second = await api.CreateAsync(secrets, """{"secret":"second-secret"}""");

        var listed = await SecretIdsAsync(api, secrets);
        var client = Assert.Single(api.Emulator.Snapshot().AllClients);

        Assert.Equal(3, listed.Count);
        Assert.Equal([parked.String("id"), second.String("id")], listed.Skip(1));
        Assert.Equal(listed, client.Secrets.Select(s => s.Id));
        Assert.Equal([true, false, true], client.Secrets.Select(s => s.Enabled));
        Assert.Equal(time.GetUtcNow(), client.Secrets[2].CreatedAt);
        Assert.DoesNotContain("second-secret", client.ToString(), StringComparison.Ordinal);
        Assert.True(api.Emulator.VerifyClientSecret(setup.ServerId, setup.ClientId, setup.ClientSecret));
        Assert.True(api.Emulator.VerifyClientSecret(setup.ServerId, setup.ClientId, "second-secret"));
        Assert.False(api.Emulator.VerifyClientSecret(setup.ServerId, setup.ClientId, "parked-secret"));
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

    private static async Task<List<string>> SecretIdsAsync(EmulatorClient api, string secretsPath) =>
        Ids(await api.GetAsync(secretsPath));

    private static List<string> Ids(ApiResponse list) =>
        list.Body.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();

    private static Task<ApiResponse> TokenAsync(EmulatorClient api, string issuer, string clientId, string secret) =>
        api.RequestTokenAsync(issuer + "/oauth/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        });
}
