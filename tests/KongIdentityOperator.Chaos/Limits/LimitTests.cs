using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Chaos.Rotation;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Conditions;
using KongIdentityOperator.Sandbox.Konnect;

namespace KongIdentityOperator.Chaos.Limits;

/// <summary>
/// Kong Identity's documented limits (lowered in the emulator so they are quick to reach): an object past one stalls
/// with reason LimitExceeded and Konnect's detail, makes no further calls on its own, and is tried again when another
/// object of the same parent is deleted. Two active secrets per client are never exceeded by the operator itself.
/// </summary>
public sealed class LimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_auth_server_past_the_regions_limit_stalls_without_retrying_and_is_created_when_one_is_deleted()
    {
        var token = "spat_limits_" + RandomNumberGenerator.GetHexString(24, lowercase: true);
        using var work = new WorkDirectory("limit-auth-servers");
        await using var sandbox = await ChaosSandbox.StartAsync([token], work, Ct, limits: KonnectEmulatorLimits.Documented with { MaxAuthServers = 2 });
        await using var tap = await HttpTap.StartAsync(sandbox.Konnect.BaseAddress, Ct);
        await sandbox.CreateNamespaceAsync("limits", token, Ct);
        await using var process = await ChaosOperator.StartAsync(sandbox.Launch(work, "operator.log") with { KonnectServerUrl = tap.BaseAddress }, Ct);

        foreach (var name in new[] { "first", "second" })
        {
            await Writes.CreateAsync(sandbox.Client, AuthServerNamed(name), Ct);
            await Wait.ForReadyAsync<AuthServer>(sandbox.Client, "limits", name, Ct);
        }

        await Writes.CreateAsync(sandbox.Client, AuthServerNamed("third"), Ct);
        var stalled = await Wait.ForConditionAsync<AuthServer>(sandbox.Client, "limits", "third", "Stalled", "True", "LimitExceeded", Ct);
        Assert.Contains("Limit exceeded", stalled.Status.Conditions.Get("Stalled")!.Message, StringComparison.Ordinal);

        // No retry loop: the refused create is not repeated on its own.
        var posts = tap.Calls.Count(c => c.Method == "POST" && c.Path == "/v1/auth-servers");
        await Quiescence.WaitAsync(process, 3, Ct);
        await Task.Delay(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(posts, tap.Calls.Count(c => c.Method == "POST" && c.Path == "/v1/auth-servers"));

        await sandbox.Client.DeleteAsync<AuthServer>("first", "limits", Ct);
        await Wait.ForReadyAsync<AuthServer>(sandbox.Client, "limits", "third", Ct);
        Assert.Equal(2, sandbox.Konnect.Snapshot().AuthServers.Count);
    }

    [Fact]
    public async Task A_client_past_the_auth_servers_limit_stalls_and_is_created_when_another_client_is_deleted()
    {
        var token = "spat_limits_" + RandomNumberGenerator.GetHexString(24, lowercase: true);
        using var work = new WorkDirectory("limit-clients");
        await using var sandbox = await ChaosSandbox.StartAsync([token], work, Ct, limits: KonnectEmulatorLimits.Documented with { MaxClientsPerAuthServer = 1 });
        await sandbox.CreateNamespaceAsync("limits", token, Ct);
        await using var process = await ChaosOperator.StartAsync(sandbox.Launch(work, "operator.log"), Ct);
        await Writes.CreateAsync(sandbox.Client, AuthServerNamed("issuer"), Ct);
        await Writes.CreateAsync(sandbox.Client, ClientNamed("first"), Ct);
        await Wait.ForReadyAsync<Client>(sandbox.Client, "limits", "first", Ct);

        await Writes.CreateAsync(sandbox.Client, ClientNamed("second"), Ct);
        var stalled = await Wait.ForConditionAsync<Client>(sandbox.Client, "limits", "second", "Stalled", "True", "LimitExceeded", Ct);
        Assert.Contains("at most 1 clients", stalled.Status.Conditions.Get("Stalled")!.Message, StringComparison.Ordinal);

        await sandbox.Client.DeleteAsync<Client>("first", "limits", Ct);
        await Wait.ForReadyAsync<Client>(sandbox.Client, "limits", "second", Ct);
        Assert.Single(sandbox.Konnect.Snapshot().AllClients);
    }

    [Fact]
    public async Task A_secret_added_to_a_client_outside_the_operator_is_removed_at_the_next_rotation_and_two_are_never_exceeded()
    {
        await using var world = await RotationWorld.StartAsync("limit-secrets", "3s");
        var client = await world.ClientAsync();
        using var http = new HttpClient { BaseAddress = world.Sandbox.Konnect.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", world.Sandbox.Konnect.Snapshot().AuthServers.Count > 0 ? TokenOf(world) : throw new InvalidOperationException());
        using var added = await http.PostAsJsonAsync($"v1/auth-servers/{world.AuthServerId}/clients/{client.Status.Id}/secrets", new JsonObject { ["secret"] = "added-by-someone-0123456789" }, Ct);
        added.EnsureSuccessStatusCode();
        await using var sampler = new SecretCountSampler(world.Sandbox.Konnect, TimeSpan.FromMilliseconds(20));

        await world.RotateAsync("after-the-intruder");
        await world.WaitRotatedAsync("after-the-intruder");

        Assert.False(world.Works(client.Status.Id!, "added-by-someone-0123456789"));
        Assert.True(world.Works(client.Status.Id!, await world.CurrentSecretAsync()));
        Assert.InRange(sampler.Max, 1, 2);
        Assert.DoesNotContain(world.KonnectTap.Calls, c => c.Status == 403);
    }

    private static string TokenOf(RotationWorld world) =>
        System.Text.Encoding.UTF8.GetString(world.Sandbox.Client.GetAsync<k8s.Models.V1Secret>(ChaosSandbox.TokenSecretName, RotationWorld.Namespace, Ct).GetAwaiter().GetResult()!.Data["token"]);

    private static AuthServer AuthServerNamed(string name) =>
        new() { Metadata = new() { Name = name, NamespaceProperty = "limits" }, Spec = new() { Audience = $"https://{name}.example.com", Konnect = new() { TokenSecretRef = new() { Name = ChaosSandbox.TokenSecretName } } } };

    private static Client ClientNamed(string name) =>
        new() { Metadata = new() { Name = name, NamespaceProperty = "limits" }, Spec = new() { AuthServerRef = new() { Name = "issuer" } } };
}
