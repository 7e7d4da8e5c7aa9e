using k8s;
using k8s.Models;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Chaos.Rotation;

/// <summary>
/// Rotation without downtime: a workload that keeps the credentials it read for a while and the gateway's plugin both
/// fetch tokens the whole time, through several rotations in a row, and none of their requests fails; Konnect never
/// holds more than two secrets; a replaced secret keeps working for its grace period and stops working after it.
/// </summary>
public sealed class RotationTests
{
    private static readonly TimeSpan Reread = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Fetch = TimeSpan.FromMilliseconds(100);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Workloads_and_the_gateway_get_tokens_through_four_rotations_in_a_row_without_a_failure()
    {
        await using var world = await RotationWorld.StartAsync("rotation-series", "4s");
        var clientId = (await world.ClientAsync()).Status.Id!;
        await using var sampler = new SecretCountSampler(world.Sandbox.Konnect, TimeSpan.FromMilliseconds(20));
        await using var workload = new TokenFetcher("workload", world.ReadWorkloadCredentialsAsync, Reread, Fetch);
        await using var gateway = new TokenFetcher("gateway", world.ReadGatewayCredentialsAsync, Reread, Fetch);
        var seen = new List<string> { await world.CurrentSecretAsync() };

        // Asked for back to back: each waits for the grace period of the one before (never a third secret).
        for (var i = 1; i <= 4; i++)
        {
            await world.RotateAsync($"r{i}");
            var client = await world.WaitRotatedAsync($"r{i}");
            seen.Add(await world.CurrentSecretAsync());
            Assert.NotNull(client.Status.PreviousSecretId);
            Assert.True(world.Works(clientId, seen[^2]), "the replaced secret must still work during its grace period");
        }

        await world.WaitPreviousGoneAsync();
        await Task.Delay(2 * Reread, Ct);
        await workload.DisposeAsync();
        await gateway.DisposeAsync();

        Assert.Equal(5, seen.Distinct().Count());
        Assert.True(world.Works(clientId, seen[^1]));
        Assert.All(seen.SkipLast(1), old => Assert.False(world.Works(clientId, old), "a replaced secret must stop working when its grace period ends"));
        Assert.Empty(workload.Failures);
        Assert.Empty(gateway.Failures);
        Assert.True(workload.Successes > 50 && gateway.Successes > 50, $"too few fetches: {workload.Successes}, {gateway.Successes}");
        Assert.True(workload.CredentialChanges >= 5 && gateway.CredentialChanges >= 5, $"the fetchers did not follow every rotation: {workload.CredentialChanges}, {gateway.CredentialChanges}");
        Assert.InRange(sampler.Max, 1, 2);
        Assert.Single(world.Sandbox.Konnect.Snapshot().AllClients);
        Assert.Single(world.Sandbox.Konnect.Snapshot().AllClients.Single().Secrets);
        var reasons = await EventReasonsAsync(world);
        Assert.Subset(reasons, new HashSet<string> { "SecretStaged", "SecretRotated", "PreviousSecretDeleted", "RotationDeferred" });
    }

    [Fact]
    public async Task A_deleted_credentials_secret_is_healed_and_the_secret_it_replaced_stays_valid_for_the_grace_period()
    {
        await using var world = await RotationWorld.StartAsync("rotation-heal", "3s");
        var clientId = (await world.ClientAsync()).Status.Id!;
        var before = await world.CurrentSecretAsync();

        await world.Sandbox.Client.DeleteAsync<V1Secret>(RotationWorld.SecretName, RotationWorld.Namespace, Ct);
        var healed = await Poll.MatchAsync<(Client Client, V1Secret? Secret)>(
            async () => (await world.ClientAsync(), await world.CredentialsSecretAsync()),
            pair => pair.Secret is not null && pair.Client.Status.SecretVersion == pair.Secret.Metadata.Annotations["identity.konghq.com/secret-version"],
            pair => $"status.secretVersion={pair.Client.Status.SecretVersion}",
            "the healed secret registered",
            Wait.Timeout,
            Ct);
        var after = await world.CurrentSecretAsync();

        Assert.NotEqual(before, after);
        Assert.True(world.Works(clientId, after));
        Assert.True(world.Works(clientId, before), "the secret workloads read before the Secret was deleted must keep working for the grace period");
        Assert.NotNull(healed.Client.Status.PreviousSecretExpiresAt);
        await world.WaitPreviousGoneAsync();
        Assert.False(world.Works(clientId, before));
        Assert.True(world.Works(clientId, after));
    }

    [Fact]
    public async Task A_grace_period_of_zero_cuts_over_at_once()
    {
        await using var world = await RotationWorld.StartAsync("rotation-cutover", "0s");
        var clientId = (await world.ClientAsync()).Status.Id!;
        var before = await world.CurrentSecretAsync();

        await world.RotateAsync("now");
        var client = await world.WaitRotatedAsync("now");

        Assert.Null(client.Status.PreviousSecretId);
        Assert.False(world.Works(clientId, before));
        Assert.True(world.Works(clientId, await world.CurrentSecretAsync()));
        Assert.Single(world.Sandbox.Konnect.Snapshot().AllClients.Single().Secrets);
    }

    private static async Task<HashSet<string>> EventReasonsAsync(RotationWorld world)
    {
        var events = await world.Sandbox.Kubernetes.EventsV1.ListEventForAllNamespacesAsync(cancellationToken: Ct);
        return [.. events.Items.Where(e => e.Regarding?.Name == RotationWorld.ClientName && e.Regarding.NamespaceProperty == RotationWorld.Namespace).Select(e => e.Reason)];
    }
}
