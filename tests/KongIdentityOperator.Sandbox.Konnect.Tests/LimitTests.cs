using System.Net;
using KongIdentityOperator.Sandbox.Konnect.Hosting;
using KongIdentityOperator.Sandbox.Konnect.Tests.Support;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>The documented Kong Identity limits, lowered so a test can reach them: 403 "Limit exceeded:" problems.</summary>
public sealed class LimitTests
{
    private const string ClientBody = """{"name":"%NAME%","grant_types":["client_credentials"],"response_types":["token"]}""";

    private const string PutBody = """{"name":"%NAME%","client_secret":"chosen-secret","grant_types":["client_credentials"],"response_types":["token"]}""";

    [Fact]
    public void The_defaults_are_the_documented_limits()
    {
        var limits = new KonnectEmulatorOptions().Limits;

        Assert.Equal(50, limits.MaxAuthServers);
        Assert.Equal(5_000, limits.MaxClientsPerAuthServer);
        Assert.Equal(2, limits.MaxEnabledSecretsPerClient);
        Assert.Equal(100, limits.MaxTokenRequestsPerSecond);
        Assert.Equal(KonnectEmulatorLimits.Documented, limits);
    }

    [Fact]
    public async Task Limits_below_one_are_refused_at_start()
    {
        var options = new KonnectEmulatorOptions { Limits = new KonnectEmulatorLimits { MaxAuthServers = 0, MaxTokenRequestsPerSecond = -1 } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => KonnectEmulator.StartAsync(options, TestContext.Current.CancellationToken));

        Assert.Contains("MaxAuthServers must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxTokenRequestsPerSecond must be at least 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_servers_beyond_the_limit_are_forbidden_until_one_is_deleted()
    {
        await using var api = await EmulatorClient.StartAsync(o => o.Limits = new KonnectEmulatorLimits { MaxAuthServers = 3 });
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await api.CreateAuthServerAsync(name: $"server-{i}"));
        }

        var refused = await api.PostAsync("/v1/auth-servers", """{"name":"server-3","audience":"api://x"}""");
        var renamed = await api.PatchAsync($"/v1/auth-servers/{ids[0]}", """{"description":"still fine"}""");
        await api.DeleteAsync($"/v1/auth-servers/{ids[1]}");
        var afterDelete = await api.PostAsync("/v1/auth-servers", """{"name":"server-3","audience":"api://x"}""");

        AssertLimitExceeded(refused, "Limit exceeded: an organization can have at most 3 auth servers per region");
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal(HttpStatusCode.Created, afterDelete.Status);
        Assert.Equal(3, api.Emulator.Snapshot().AuthServers.Count);
    }

    [Fact]
    public async Task Clients_beyond_the_limit_are_forbidden_but_replacing_one_is_not()
    {
        await using var api = await EmulatorClient.StartAsync(o => o.Limits = new KonnectEmulatorLimits { MaxClientsPerAuthServer = 2 });
        var serverId = await api.CreateAuthServerAsync();
        var otherServerId = await api.CreateAuthServerAsync(name: "other");
        var clients = $"/v1/auth-servers/{serverId}/clients";
        var first = await api.CreateAsync(clients, ClientBody.Replace("%NAME%", "first", StringComparison.Ordinal));
        var second = await api.PutAsync($"{clients}/second", PutBody.Replace("%NAME%", "second", StringComparison.Ordinal));

        var postRefused = await api.PostAsync(clients, ClientBody.Replace("%NAME%", "third", StringComparison.Ordinal));
        var putRefused = await api.PutAsync($"{clients}/third", PutBody.Replace("%NAME%", "third", StringComparison.Ordinal));
        var replaced = await api.PutAsync($"{clients}/second", PutBody.Replace("%NAME%", "second-renamed", StringComparison.Ordinal));
        var patched = await api.PatchAsync($"{clients}/{first.String("id")}", """{"client_secret":"patched"}""");
        var elsewhere = await api.PostAsync($"/v1/auth-servers/{otherServerId}/clients", ClientBody.Replace("%NAME%", "third", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, second.Status);
        AssertLimitExceeded(postRefused, "Limit exceeded: an auth server can have at most 2 clients");
        AssertLimitExceeded(putRefused, "Limit exceeded: an auth server can have at most 2 clients");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{clients}/third")).Status);
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal(HttpStatusCode.Created, elsewhere.Status);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{clients}/{first.String("id")}")).Status);
        Assert.Equal(HttpStatusCode.Created, (await api.PutAsync($"{clients}/third", PutBody.Replace("%NAME%", "third", StringComparison.Ordinal))).Status);
    }

    [Fact]
    public async Task Enabled_secrets_follow_the_configured_limit()
    {
        await using var api = await EmulatorClient.StartAsync(o => o.Limits = new KonnectEmulatorLimits { MaxEnabledSecretsPerClient = 1 });
        var setup = await IdentitySetup.CreateAsync(api);
        var secrets = $"/v1/auth-servers/{setup.ServerId}/clients/{setup.ClientId}/secrets";

        var refused = await api.PostAsync(secrets, """{"secret":"second"}""");
        var parked = await api.PostAsync(secrets, """{"secret":"parked","enabled":false}""");

        AssertLimitExceeded(refused, "Limit exceeded: a client can have at most 1 enabled secrets");
        Assert.Equal(HttpStatusCode.Created, parked.Status);
    }

    [Fact]
    public void The_command_line_sets_each_limit()
    {
        var (options, error) = CommandLine.Parse([
            "--max-auth-servers", "3", "--max-clients-per-auth-server=4", "--max-enabled-secrets", "5", "--max-token-requests-per-second", "6",
        ]);

        Assert.Null(error);
        Assert.Equal(
            new KonnectEmulatorLimits { MaxAuthServers = 3, MaxClientsPerAuthServer = 4, MaxEnabledSecretsPerClient = 5, MaxTokenRequestsPerSecond = 6 },
            options!.Limits);
        Assert.Equal(KonnectEmulatorLimits.Documented, CommandLine.Parse([]).Options!.Limits);
        Assert.Contains("between 1 and", CommandLine.Parse(["--max-auth-servers", "0"]).Error, StringComparison.Ordinal);
    }

    private static void AssertLimitExceeded(ApiResponse response, string detailStart)
    {
        IdentityValidationTests.AssertProblem(response, HttpStatusCode.Forbidden);
        Assert.Equal("Forbidden", response.String("title"));
        Assert.StartsWith(detailStart, response.String("detail"), StringComparison.Ordinal);
        Assert.False(response.Body.TryGetProperty("invalid_parameters", out _));
    }
}
