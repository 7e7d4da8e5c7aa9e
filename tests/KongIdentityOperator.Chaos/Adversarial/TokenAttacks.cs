using k8s.Models;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Chaos.Adversarial;

/// <summary>A namespace tries to borrow a Konnect token: the operator's default one, or one in a Secret nobody offered.</summary>
[Collection(AdversarialCollection.Name)]
public sealed class TokenAttacks(AdversarialWorld world)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_default_token_is_not_used_for_a_namespace_without_the_grant()
    {
        var attacker = await world.AttackerAsync("default-token");
        var before = world.CallsWith(world.DefaultToken).Count;
        await world.CreateAsync(new AuthServer { Metadata = new() { Name = "borrower", NamespaceProperty = attacker.Namespace }, Spec = new() { DisplayName = "Borrowed", Audience = "a", Konnect = new() { ServerUrl = world.ServerUrl } } });

        var message = await world.RefusedAsync<AuthServer>(attacker.Namespace, "borrower", "DefaultTokenNotAllowed");

        Assert.Contains("--default-token-namespaces", message, StringComparison.Ordinal);
        Assert.Contains("tokenSecretRef", message, StringComparison.Ordinal);
        Assert.DoesNotContain(world.CallsWith(world.DefaultToken).Skip(before), c => c.IsWrite);
        Assert.Null(world.Sandbox.Konnect.Snapshot().FindAuthServer("Borrowed"));
    }

    [Fact]
    public async Task The_default_token_serves_the_namespace_it_is_granted_to()
    {
        var shared = await Wait.ForReadyAsync<AuthServer>(world.Sandbox.Client, AdversarialWorld.Platform, "shared", Ct);

        Assert.Contains(world.CallsWith(world.DefaultToken), c => c.Method == "POST" && c.Path == "/v1/auth-servers");
        Assert.NotNull(world.Sandbox.Konnect.Snapshot().AuthServers.SingleOrDefault(a => a.Id == shared.Status.Id));
    }

    [Fact]
    public async Task A_token_in_a_secret_nobody_offered_is_never_read_nor_held()
    {
        var attacker = await world.AttackerAsync("unoffered-token");
        await world.SecretAsync(attacker.Namespace, "borrowed", "token", world.UnofferedToken, offered: false);
        await world.CreateAsync(new AuthServer { Metadata = new() { Name = "borrower", NamespaceProperty = attacker.Namespace }, Spec = new() { Audience = "a", Konnect = new() { ServerUrl = world.ServerUrl, TokenSecretRef = new() { Name = "borrowed" } } } });

        var message = await world.RefusedAsync<AuthServer>(attacker.Namespace, "borrower", "WaitingForRef", stalled: false);

        Assert.Contains("identity.konghq.com/referenceable", message, StringComparison.Ordinal);
        Assert.Empty(world.CallsWith(world.UnofferedToken));
        var secret = await world.Sandbox.Client.GetAsync<V1Secret>("borrowed", attacker.Namespace, Ct);
        Assert.DoesNotContain("identity.konghq.com/token-in-use", secret!.Metadata.Finalizers ?? []);

        // Nothing holds it: it can be deleted at once.
        await world.Sandbox.Client.DeleteAsync<V1Secret>("borrowed", attacker.Namespace, Ct);
        Assert.Null(await world.Sandbox.Client.GetAsync<V1Secret>("borrowed", attacker.Namespace, Ct));
        Assert.Empty(world.CallsWith(world.UnofferedToken));
    }

    [Fact]
    public async Task Labelling_a_token_secret_is_what_offers_it()
    {
        var attacker = await world.AttackerAsync("offer-later");
        await world.SecretAsync(attacker.Namespace, "later", "token", attacker.Token, offered: false);
        await world.CreateAsync(new AuthServer { Metadata = new() { Name = "patient", NamespaceProperty = attacker.Namespace }, Spec = new() { Audience = "a", Konnect = new() { ServerUrl = world.ServerUrl, TokenSecretRef = new() { Name = "later" } } } });
        await world.RefusedAsync<AuthServer>(attacker.Namespace, "patient", "WaitingForRef", stalled: false);
        Assert.Empty(world.CallsWith(attacker.Token));

        await Writes.UpdateAsync<V1Secret>(world.Sandbox.Client, "later", attacker.Namespace, s => s.Metadata.Labels = new Dictionary<string, string> { [ChaosSandbox.ReferenceableLabel] = "true" }, Ct);

        await Wait.ForReadyAsync<AuthServer>(world.Sandbox.Client, attacker.Namespace, "patient", Ct);
        await Poll.UntilAsync(
            async () => (await world.Sandbox.Client.GetAsync<V1Secret>("later", attacker.Namespace, Ct))!.Metadata.Finalizers?.Contains("identity.konghq.com/token-in-use") == true,
            "the offered token Secret is held while it is in use",
            Wait.Timeout,
            Ct);
    }
}
