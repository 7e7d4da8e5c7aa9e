using KongIdentityOperator.Entities;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Integration;

/// <summary>How the operator reads Konnect when many objects need a look at once: one list instead of one GET each.</summary>
public abstract partial class OperatorScenarios
{
    private const string ClientItem = "GET /v1/auth-servers/{authServerId}/clients/{clientId}";
    private const string ClientList = "GET /v1/auth-servers/{authServerId}/clients";
    private const string ClientPut = "PUT /v1/auth-servers/{authServerId}/clients/{clientId}";

    [Fact]
    public async Task Many_Clients_applied_at_once_are_checked_with_a_list_instead_of_one_GET_each()
    {
        const int count = 30;
        await StartOperatorAsync();
        await ApplySampleAsync<AuthServer>("authserver.yaml");
        await ApplySampleAsync<Scope>("scope.yaml");
        await WaitForReadyAsync<Scope>("my-scope");

        await Task.WhenAll(Enumerable.Range(0, count).Select(i => CreateAsync(BulkClient(i))));
        foreach (var i in Enumerable.Range(0, count))
        {
            await WaitForReadyAsync<Client>(BulkClientName(i));
        }

        // The first reconciles may GET before the backlog has grown; after that one list answers for all of them.
        Assert.Equal(count, Konnect.Requests.Count("PUT", ClientPut[4..]));
        Assert.True(Konnect.Requests.Count("GET", ClientList[4..]) >= 1, "the client list was read");
        Assert.True(Konnect.Requests.Count("GET", ClientItem[4..]) <= count / 3, $"{Konnect.Requests.Count("GET", ClientItem[4..])} client GETs for {count} new clients");
        Assert.Equal(count, Konnect.Snapshot().AllClients.Count());
    }

    [Fact]
    public async Task A_resync_of_many_Clients_reads_their_list_and_writes_nothing()
    {
        const int count = 20;
        await StartOperatorAsync(resyncPeriod: TimeSpan.FromSeconds(4));
        await ApplySampleAsync<AuthServer>("authserver.yaml");
        await ApplySampleAsync<Scope>("scope.yaml");
        await WaitForReadyAsync<Scope>("my-scope");
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => CreateAsync(BulkClient(i))));
        foreach (var i in Enumerable.Range(0, count))
        {
            await WaitForReadyAsync<Client>(BulkClientName(i));
        }

        var writes = KonnectWrites();
        var lists = Konnect.Requests.Count("GET", ClientList[4..]);
        var gets = Konnect.Requests.Count("GET", ClientItem[4..]);

        // Two more resyncs: each reads the list (freshness is half the resync period), none GETs every client.
        await Eventually.TrueAsync(() => Konnect.Requests.Count("GET", ClientList[4..]) >= lists + 2, "two resyncs reading the client list");
        var resyncGets = Konnect.Requests.Count("GET", ClientItem[4..]) - gets;
        Assert.True(resyncGets <= count / 2, $"{resyncGets} client GETs over two resyncs of {count} clients");
        Assert.Equal(writes, KonnectWrites());
    }

    private static string BulkClientName(int index) => $"bulk-{index:D2}";

    private static Client BulkClient(int index) => new()
    {
        Metadata = new() { Name = BulkClientName(index) },
        Spec = new ClientSpec
        {
            AuthServerRef = new LocalObjectReference { Name = "appointments-dev" },
            AllowScopes = [new LocalObjectReference { Name = "my-scope" }],
        },
    };
}
