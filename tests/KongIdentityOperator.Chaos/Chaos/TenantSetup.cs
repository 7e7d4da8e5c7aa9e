using System.Net.Http.Headers;
using System.Net.Http.Json;
using KongIdentityOperator.Chaos.Harness;

namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>Puts tenants into the sandbox: their gateway services in the emulator, their namespaces, and their objects.</summary>
internal static class TenantSetup
{
    /// <summary>The service each tenant's policy targets, in control plane quickstart (what decK would have made).</summary>
    public static async Task CreateGatewayServicesAsync(ChaosSandbox sandbox, string token, IEnumerable<TenantPlan> tenants, CancellationToken cancellationToken)
    {
        var controlPlane = sandbox.Konnect.Snapshot().FindControlPlane("quickstart") ?? throw new InvalidOperationException("no quickstart control plane");
        using var http = new HttpClient { BaseAddress = sandbox.Konnect.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var tenant in tenants)
        {
            using var response = await http.PostAsJsonAsync(
                $"v2/control-planes/{controlPlane.Id}/core-entities/services",
                new { name = tenant.ServiceName, host = $"backend-{tenant.Index}.example.com", port = 443, protocol = "https" },
                cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>The AuthServer, its Scopes and Claims.</summary>
    public static async Task DeclareBaseAsync(ChaosSandbox sandbox, TenantPlan tenant, CancellationToken cancellationToken)
    {
        await Writes.CreateAsync(sandbox.Client, ChaosTopology.AuthServer(tenant), cancellationToken);
        foreach (var scope in ChaosTopology.ScopeNames)
        {
            await Writes.CreateAsync(sandbox.Client, ChaosTopology.Scope(tenant, scope), cancellationToken);
        }

        foreach (var claim in ChaosTopology.Claims(tenant))
        {
            await Writes.CreateAsync(sandbox.Client, claim, cancellationToken);
        }
    }

    /// <summary>Everything of the tenant: base objects, every Client and the policy.</summary>
    public static async Task DeclareAllAsync(ChaosSandbox sandbox, TenantPlan tenant, CancellationToken cancellationToken)
    {
        await DeclareBaseAsync(sandbox, tenant, cancellationToken);
        foreach (var client in tenant.Clients)
        {
            await Writes.CreateAsync(sandbox.Client, ChaosTopology.Client(client), cancellationToken);
        }

        await Writes.CreateAsync(sandbox.Client, ChaosTopology.Policy(tenant), cancellationToken);
    }

    /// <summary>A small tenant for focused scenarios: Clients with one, two and three scopes.</summary>
    public static TenantPlan Small(int index = 0)
    {
        var ns = $"tenant-{index}";
        return new TenantPlan(index, ns,
        [
            new ClientPlan(ns, "app-000", ["read", "write"], 600, 0),
            new ClientPlan(ns, "app-001", ["read"], 300, 0),
            new ClientPlan(ns, "app-002", ["read", "write", "admin"], 3600, 0),
        ]);
    }
}
