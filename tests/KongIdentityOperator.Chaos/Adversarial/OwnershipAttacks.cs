using System.Net.Http.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Chaos.Adversarial;

/// <summary>
/// A namespace tries to take over Konnect objects another Kubernetes object owns: by adopting them, by taking their
/// name, or by a forged id annotation. The victim must see zero writes, and deleting the attacker must not delete it.
/// </summary>
[Collection(AdversarialCollection.Name)]
public sealed class OwnershipAttacks(AdversarialWorld world)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Adopting_another_teams_auth_server_is_refused_and_deleting_the_adopter_leaves_it()
    {
        var attacker = await world.AttackerAsync("adopt-auth-server");
        await world.CreateAsync(new AuthServer { Metadata = new() { Name = "thief", NamespaceProperty = attacker.Namespace }, Spec = new() { Audience = "stolen", Konnect = world.Own(), Adopt = new() { Id = world.VictimAuthServerId } } });

        var message = await world.RefusedAsync<AuthServer>(attacker.Namespace, "thief", "NotOwned");

        Assert.Contains($"{AdversarialWorld.Victim}/payments", message, StringComparison.Ordinal);
        Assert.DoesNotContain(world.CallsWith(attacker.Token), c => c.IsWrite);
        world.AssertVictimUntouched();

        await world.Sandbox.Client.DeleteAsync<AuthServer>("thief", attacker.Namespace, Ct);
        await Wait.ForGoneAsync<AuthServer>(world.Sandbox.Client, attacker.Namespace, "thief", Ct);
        Assert.DoesNotContain(world.CallsWith(attacker.Token), c => c.IsWrite);
        world.AssertVictimUntouched();
    }

    [Fact]
    public async Task Taking_another_teams_auth_server_name_is_refused()
    {
        var attacker = await world.AttackerAsync("take-name");
        await world.CreateAsync(new AuthServer { Metadata = new() { Name = "payments", NamespaceProperty = attacker.Namespace }, Spec = new() { DisplayName = AdversarialWorld.VictimDisplayName, Audience = "stolen", Konnect = world.Own() } });

        var message = await world.RefusedAsync<AuthServer>(attacker.Namespace, "payments", "NotOwned");

        Assert.Contains($"{AdversarialWorld.Victim}/payments", message, StringComparison.Ordinal);
        Assert.DoesNotContain(world.CallsWith(attacker.Token), c => c.IsWrite && c.Path != "/v1/auth-servers");
        world.AssertVictimUntouched();
    }

    [Fact]
    public async Task Adopting_or_naming_a_client_another_client_owns_is_refused()
    {
        var attacker = await world.AttackerAsync("adopt-client");
        var own = await world.OwnAuthServerAsync(attacker.Namespace);
        await world.CreateAsync(new Client { Metadata = new() { Name = "first", NamespaceProperty = attacker.Namespace }, Spec = new() { AuthServerRef = new() { Name = "own" } } });
        var first = await Wait.ForReadyAsync<Client>(world.Sandbox.Client, attacker.Namespace, "first", Ct);
        var secret = (await world.Sandbox.Client.GetAsync<V1Secret>(first.Status.SecretName!, attacker.Namespace, Ct))!.Data["client_secret"];
        var writesBefore = world.CallsWith(attacker.Token).Count(c => c.IsWrite);

        await world.CreateAsync(new Client { Metadata = new() { Name = "adopter", NamespaceProperty = attacker.Namespace }, Spec = new() { AuthServerRef = new() { Name = "own" }, Adopt = new() { Id = first.Status.Id! } } });
        await world.CreateAsync(new Client { Metadata = new() { Name = "namesake", NamespaceProperty = attacker.Namespace }, Spec = new() { AuthServerRef = new() { Name = "own" }, ClientId = first.Status.Id } });

        Assert.Contains($"{attacker.Namespace}/first", await world.RefusedAsync<Client>(attacker.Namespace, "adopter", "NotOwned"), StringComparison.Ordinal);
        Assert.Contains($"{attacker.Namespace}/first", await world.RefusedAsync<Client>(attacker.Namespace, "namesake", "NotOwned"), StringComparison.Ordinal);
        Assert.Equal(writesBefore, world.CallsWith(attacker.Token).Count(c => c.IsWrite));
        Assert.True(world.Sandbox.Konnect.VerifyClientSecret(own.Status.Id!, first.Status.Id!, System.Text.Encoding.UTF8.GetString(secret)));
    }

    [Fact]
    public async Task Adopting_another_teams_plugin_is_refused()
    {
        var attacker = await world.AttackerAsync("adopt-plugin");
        await ReadyClientAsync(attacker);
        await world.CreateAsync(new UpstreamOAuthPolicy
        {
            Metadata = new() { Name = "hijack", NamespaceProperty = attacker.Namespace },
            Spec = new() { ControlPlaneRef = new() { Name = "quickstart" }, ClientRef = new() { Name = "app" }, Adopt = new() { Id = world.VictimPluginId } },
        });

        var message = await world.RefusedAsync<UpstreamOAuthPolicy>(attacker.Namespace, "hijack", "NotOwned");

        Assert.Contains($"{AdversarialWorld.Victim}/gateway", message, StringComparison.Ordinal);
        Assert.DoesNotContain(world.CallsWith(attacker.Token), c => c.IsWrite && c.Path.Contains("/core-entities/", StringComparison.Ordinal));
        world.AssertVictimUntouched();
    }

    [Fact]
    public async Task Adopting_a_plugin_of_another_name_is_refused()
    {
        var attacker = await world.AttackerAsync("adopt-other-plugin");
        var controlPlane = world.Sandbox.Konnect.Snapshot().FindControlPlane("quickstart")!;
        var service = controlPlane.Services.Single(s => s.Name == "example-service");
        using var http = new HttpClient { BaseAddress = world.Sandbox.Konnect.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", world.VictimToken);
        using var created = await http.PostAsJsonAsync(
            $"v2/control-planes/{controlPlane.Id}/core-entities/plugins",
            new JsonObject { ["name"] = "rate-limiting", ["service"] = new JsonObject { ["id"] = service.Id }, ["config"] = new JsonObject { ["minute"] = 5 } },
            Ct);
        created.EnsureSuccessStatusCode();
        var pluginId = JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!["id"]!.GetValue<string>();
        var before = PluginText(pluginId);
        await ReadyClientAsync(attacker);

        await world.CreateAsync(new UpstreamOAuthPolicy
        {
            Metadata = new() { Name = "replace", NamespaceProperty = attacker.Namespace },
            Spec = new() { ControlPlaneRef = new() { Name = "quickstart" }, Target = new() { Service = new() { Name = "example-service" } }, ClientRef = new() { Name = "app" }, Adopt = new() { Id = pluginId } },
        });

        var message = await world.RefusedAsync<UpstreamOAuthPolicy>(attacker.Namespace, "replace", "NotOwned");

        Assert.Contains("rate-limiting", message, StringComparison.Ordinal);
        Assert.Equal(before, PluginText(pluginId));
        Assert.DoesNotContain(world.CallsWith(attacker.Token), c => c.IsWrite && c.Path.Contains(pluginId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_id_annotation_cannot_take_a_scope_or_claim_another_object_holds()
    {
        var attacker = await world.AttackerAsync("forged-annotation");
        var own = await world.OwnAuthServerAsync(attacker.Namespace);
        await world.CreateAsync(new Scope { Metadata = new() { Name = "real", NamespaceProperty = attacker.Namespace }, Spec = new() { AuthServerRef = new() { Name = "own" } } });
        await world.CreateAsync(new Claim { Metadata = new() { Name = "real", NamespaceProperty = attacker.Namespace }, Spec = new() { AuthServerRef = new() { Name = "own" }, Name = "real", Value = "v" } });
        var scope = await Wait.ForReadyAsync<Scope>(world.Sandbox.Client, attacker.Namespace, "real", Ct);
        var claim = await Wait.ForReadyAsync<Claim>(world.Sandbox.Client, attacker.Namespace, "real", Ct);
        var before = OwnServerText(own.Status.Id!);

        await world.CreateAsync(new Scope { Metadata = new() { Name = "forged", NamespaceProperty = attacker.Namespace, Annotations = Annotation(own.Status.Id!, scope.Status.Id!) }, Spec = new() { AuthServerRef = new() { Name = "own" }, Name = "renamed" } });
        await world.CreateAsync(new Claim { Metadata = new() { Name = "forged", NamespaceProperty = attacker.Namespace, Annotations = Annotation(own.Status.Id!, claim.Status.Id!) }, Spec = new() { AuthServerRef = new() { Name = "own" }, Name = "renamed", Value = "x" } });

        Assert.Contains("Scope real", await world.RefusedAsync<Scope>(attacker.Namespace, "forged", "NotOwned"), StringComparison.Ordinal);
        Assert.Contains("Claim real", await world.RefusedAsync<Claim>(attacker.Namespace, "forged", "NotOwned"), StringComparison.Ordinal);
        Assert.Equal(before, OwnServerText(own.Status.Id!));

        // The object that holds the id by record is not disturbed by the forgery.
        await Writes.UpdateAsync<Scope>(world.Sandbox.Client, "real", attacker.Namespace, s => s.Spec.Description = "still mine", Ct);
        await Wait.ForReadyAsync<Scope>(world.Sandbox.Client, attacker.Namespace, "real", Ct);
    }

    [Fact]
    public async Task A_forged_id_annotation_naming_another_teams_scope_is_ignored()
    {
        var attacker = await world.AttackerAsync("cross-annotation");
        await world.OwnAuthServerAsync(attacker.Namespace);

        await world.CreateAsync(new Scope { Metadata = new() { Name = "reach", NamespaceProperty = attacker.Namespace, Annotations = Annotation(world.VictimAuthServerId, world.VictimScopeId) }, Spec = new() { AuthServerRef = new() { Name = "own" }, Name = "read" } });
        await world.CreateAsync(new Scope { Metadata = new() { Name = "dots", NamespaceProperty = attacker.Namespace, Annotations = new Dictionary<string, string> { ["identity.konghq.com/konnect-id"] = "../.." } }, Spec = new() { AuthServerRef = new() { Name = "own" } } });

        var reach = await Wait.ForReadyAsync<Scope>(world.Sandbox.Client, attacker.Namespace, "reach", Ct);
        await Wait.ForReadyAsync<Scope>(world.Sandbox.Client, attacker.Namespace, "dots", Ct);
        Assert.NotEqual(world.VictimScopeId, reach.Status.Id);
        world.AssertVictimUntouched();
    }

    private static Dictionary<string, string> Annotation(string authServerId, string id) => new() { ["identity.konghq.com/konnect-id"] = $"{authServerId}/{id}" };

    private async Task ReadyClientAsync(Attacker attacker)
    {
        await world.OwnAuthServerAsync(attacker.Namespace);
        await world.CreateAsync(new Client { Metadata = new() { Name = "app", NamespaceProperty = attacker.Namespace }, Spec = new() { AuthServerRef = new() { Name = "own" } } });
        await Wait.ForReadyAsync<Client>(world.Sandbox.Client, attacker.Namespace, "app", Ct);
    }

    private string PluginText(string id) =>
        System.Text.Json.JsonSerializer.Serialize(world.Sandbox.Konnect.Snapshot().AllPlugins.Single(p => p.Id == id));

    private string OwnServerText(string id)
    {
        var server = world.Sandbox.Konnect.Snapshot().AuthServers.Single(a => a.Id == id);
        return System.Text.Json.JsonSerializer.Serialize(new { server.Scopes, server.Claims });
    }
}
