using System.Net;
using KongIdentityOperator.Sandbox.Konnect.Tests.Support;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>State stays consistent under many concurrent calls (the chaos suite relies on it).</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_upserts_of_the_same_clients_leave_exactly_one_client_each()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();
        const int Clients = 20;
        const int Writers = 10;

        var responses = await Task.WhenAll(
            from writer in Enumerable.Range(0, Writers)
            from client in Enumerable.Range(0, Clients)
            select api.PutAsync($"/v1/auth-servers/{serverId}/clients/client-{client}", $$"""
                {"name":"client-{{client}}","client_secret":"secret-{{writer}}","grant_types":["client_credentials"],"response_types":["token"]}
                """));

        Assert.All(responses, r => Assert.True(r.Status is HttpStatusCode.OK or HttpStatusCode.Created, r.Text));
        Assert.Equal(Clients, responses.Count(r => r.Status == HttpStatusCode.Created));
        var snapshot = api.Emulator.Snapshot();
        Assert.Equal(Clients, snapshot.AllClients.Count());
        Assert.All(snapshot.AllClients, c => Assert.Single(c.Secrets));
        Assert.Equal(Clients * Writers, api.Emulator.Requests.Count("PUT", "/v1/auth-servers/{authServerId}/clients/{clientId}"));
    }

    [Fact]
    public async Task Concurrent_creates_of_one_scope_name_make_one_scope_and_conflicts()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => api.PostAsync($"/v1/auth-servers/{serverId}/scopes", """{"name":"race"}""")));

        Assert.Equal(1, responses.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(49, responses.Count(r => r.Status == HttpStatusCode.Conflict));
        Assert.Single(api.Emulator.Snapshot().AuthServers[0].Scopes);
    }
}
