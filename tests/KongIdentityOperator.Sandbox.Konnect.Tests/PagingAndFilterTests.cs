using System.Net;
using KongIdentityOperator.Sandbox.Konnect.Tests.Support;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>Both paging styles: page numbers with filters and sort (Konnect APIs), cursors with tags (core entities).</summary>
public sealed class PagingAndFilterTests
{
    [Fact]
    public async Task Page_number_paging_reports_meta_and_walks_every_item()
    {
        await using var api = await EmulatorClient.StartAsync();
        for (var i = 0; i < 7; i++)
        {
            await api.CreateAuthServerAsync($"server-{i}");
        }

        var names = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var response = await api.GetAsync($"/v1/auth-servers?page[size]=3&page[number]={page}");
            var meta = response.Body.GetProperty("meta").GetProperty("page");
            Assert.Equal(page, meta.GetProperty("number").GetInt32());
            Assert.Equal(3, meta.GetProperty("size").GetInt32());
            Assert.Equal(7, meta.GetProperty("total").GetInt32());
            names.AddRange(response.Body.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("name").GetString()!));
        }

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"server-{i}"), names);
        Assert.Equal(0, (await api.GetAsync("/v1/auth-servers?page[size]=3&page[number]=4")).Body.GetProperty("data").GetArrayLength());
        Assert.Equal([("page[size]", "max")], (await api.GetAsync("/v1/auth-servers?page[size]=1000")).InvalidParameters());
        Assert.Equal([("page[number]", "is_integer")], (await api.GetAsync("/v1/auth-servers?page[number]=x")).InvalidParameters());
    }

    [Fact]
    public async Task Filters_and_sort_select_and_order_auth_servers_and_clients()
    {
        await using var api = await EmulatorClient.StartAsync();
        await api.CreateAuthServerAsync("alpha", "aud-1", ""","labels":{"env":"prod"}""");
        await api.CreateAuthServerAsync("beta", "aud-2");
        var gammaId = await api.CreateAuthServerAsync("Gamma-alpha", "aud-1");
        foreach (var name in new[] { "web", "worker", "batch" })
        {
            await api.CreateAsync($"/v1/auth-servers/{gammaId}/clients", $$"""{"name":"{{name}}","grant_types":["client_credentials"],"response_types":["token"]}""");
        }

        Assert.Equal(["alpha"], await NamesAsync(api, "/v1/auth-servers?filter[name][eq]=alpha"));
        Assert.Equal(["alpha"], await NamesAsync(api, "/v1/auth-servers?filter[name]=alpha"));
        Assert.Equal(["alpha", "Gamma-alpha"], await NamesAsync(api, "/v1/auth-servers?filter[name][contains]=ALPHA"));
        Assert.Equal(["alpha", "Gamma-alpha"], await NamesAsync(api, "/v1/auth-servers?filter[audience][eq]=aud-1"));
        Assert.Equal(["alpha"], await NamesAsync(api, "/v1/auth-servers?filter[labels][eq]=env:prod"));
        Assert.Equal(["beta", "alpha", "Gamma-alpha"], await NamesAsync(api, "/v1/auth-servers?sort=name desc"));
        Assert.Equal(["aud-2", "aud-1", "aud-1"], (await api.GetAsync("/v1/auth-servers?sort=audience desc,created_at")).Body.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("audience").GetString()));
        Assert.Equal(["batch", "web", "worker"], await NamesAsync(api, $"/v1/auth-servers/{gammaId}/clients?sort=name"));
        Assert.Equal(["web", "worker"], await NamesAsync(api, $"/v1/auth-servers/{gammaId}/clients?filter[name][contains]=w"));
        Assert.Equal([("sort", "enum")], (await api.GetAsync("/v1/auth-servers?sort=colour")).InvalidParameters());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/v1/auth-servers?filter[colour][eq]=x")).Status);
    }

    [Fact]
    public async Task Control_planes_filter_by_name_id_cluster_type_and_labels()
    {
        await using var api = await EmulatorClient.StartAsync();
        var quickstart = (await api.CreateAsync("/v2/control-planes", """{"name":"quickstart","labels":{"team":"core"}}""")).String("id");
        var other = (await api.CreateAsync("/v2/control-planes", """{"name":"quickstart-2","cluster_type":"CLUSTER_TYPE_K8S_INGRESS_CONTROLLER"}""")).String("id");

        Assert.Equal(["quickstart"], await NamesAsync(api, "/v2/control-planes?filter%5Bname%5D%5Beq%5D=quickstart"));
        Assert.Equal(["quickstart", "quickstart-2"], await NamesAsync(api, "/v2/control-planes?filter[name][contains]=quickstart"));
        Assert.Equal(["quickstart-2"], await NamesAsync(api, "/v2/control-planes?filter[name][neq]=quickstart"));
        Assert.Equal(["quickstart", "quickstart-2"], await NamesAsync(api, $"/v2/control-planes?filter[id][oeq]={quickstart},{other}"));
        Assert.Equal(["quickstart-2"], await NamesAsync(api, "/v2/control-planes?filter[cluster_type][eq]=CLUSTER_TYPE_K8S_INGRESS_CONTROLLER"));
        Assert.Equal(["quickstart"], await NamesAsync(api, "/v2/control-planes?labels=team:core"));
        Assert.Equal(["quickstart"], await NamesAsync(api, "/v2/control-planes?page[size]=1"));
    }

    [Fact]
    public async Task Core_entity_cursor_paging_follows_offsets_until_next_is_null()
    {
        await using var api = await EmulatorClient.StartAsync();
        var planeId = await api.CreateControlPlaneAsync();
        var core = $"/v2/control-planes/{planeId}/core-entities";
        for (var i = 0; i < 5; i++)
        {
            await api.CreateAsync($"{core}/services", $$"""{"name":"svc-{{i}}","host":"h{{i}}","tags":["{{(i % 2 == 0 ? "even" : "odd")}}","all"]}""");
        }

        var seen = new List<string>();
        var path = $"{core}/services?size=2";
        var pages = 0;
        while (true)
        {
            var page = await api.GetAsync(path);
            pages++;
            seen.AddRange(page.Body.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("name").GetString()!));
            if (page.Body.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                Assert.False(page.Body.TryGetProperty("offset", out _));
                break;
            }

            Assert.Contains("offset=", page.String("next"), StringComparison.Ordinal);
            path = $"{core}/services?size=2&offset={Uri.EscapeDataString(page.String("offset"))}";
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"svc-{i}"), seen);
        Assert.Equal(3, await CountAsync(api, $"{core}/services?tags=even,all"));
        Assert.Equal(0, await CountAsync(api, $"{core}/services?tags=even,odd"));
        Assert.Equal(5, await CountAsync(api, $"{core}/services?tags=even/odd"));
        Assert.Equal(1, await CountAsync(api, $"{core}/services?filter[name][eq]=svc-3"));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"{core}/services?size=0")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"{core}/services?offset=%%%")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"{core}/services?tags=a,b/c")).Status);
    }

    private static async Task<List<string>> NamesAsync(EmulatorClient api, string path)
    {
        var response = await api.GetAsync(path);
        Assert.True(response.Status == HttpStatusCode.OK, $"{path}: {response.Text}");
        return response.Body.GetProperty("data").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
    }

    private static async Task<int> CountAsync(EmulatorClient api, string path) =>
        (await api.GetAsync(path)).Body.GetProperty("data").GetArrayLength();
}
