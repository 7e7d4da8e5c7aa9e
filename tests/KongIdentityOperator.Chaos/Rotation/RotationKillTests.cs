using KongIdentityOperator.Chaos.Harness;

namespace KongIdentityOperator.Chaos.Rotation;

/// <summary>
/// The operator SIGKILLed between every two steps of a rotation, then started again: one client, never more than two
/// secrets, the Secret's current value working throughout, the previous one working until its grace ends and deleted
/// then, and the workload and the gateway fetching tokens the whole time without a failure.
/// </summary>
public sealed class RotationKillTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Points { get; } = [.. KillPoint.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Points))]
    public async Task A_rotation_killed_at_any_step_converges_without_a_failure(string point)
    {
        var kill = KillPoint.All.Single(p => p.Name == point);
        await using var world = await RotationWorld.StartAsync("rotation-kill", "3s");
        var clientId = (await world.ClientAsync()).Status.Id!;
        var before = await world.CurrentSecretAsync();
        await using var sampler = new SecretCountSampler(world.Sandbox.Konnect, TimeSpan.FromMilliseconds(20));
        await using var workload = new TokenFetcher("workload", world.ReadWorkloadCredentialsAsync, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100));
        await using var gateway = new TokenFetcher("gateway", world.ReadGatewayCredentialsAsync, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100));

        kill.Arm(world, new RotationStart(world.KonnectTap.Calls.Count, world.KubeTap.Calls.Count));
        await world.RotateAsync("killed");
        await Poll.UntilAsync(() => kill.ReachedAsync(world), $"the operator to reach the step: {point}", Wait.Timeout, Ct);
        await world.KillAsync();
        Assert.True(world.Works(clientId, await world.CurrentSecretAsync()), "the Secret's current value must work while the operator is down");

        await world.StartOperatorAsync();
        var client = await world.WaitRotatedAsync("killed");
        var after = await world.CurrentSecretAsync();
        Assert.NotEqual(before, after);
        Assert.True(world.Works(clientId, after));
        await world.WaitPreviousGoneAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        await workload.DisposeAsync();
        await gateway.DisposeAsync();

        Assert.False(world.Works(clientId, before), "the replaced secret must stop working once its grace period is over");
        Assert.True(world.Works(clientId, after));
        var konnect = world.Sandbox.Konnect.Snapshot();
        Assert.Single(konnect.AllClients);
        Assert.Single(konnect.AllClients.Single().Secrets);
        Assert.InRange(sampler.Max, 1, 2);
        Assert.Empty(workload.Failures);
        Assert.Empty(gateway.Failures);
        Assert.True(workload.Successes > 10 && gateway.Successes > 10, $"too few fetches: {workload.Successes}, {gateway.Successes}");
        Assert.Equal(client.Status.SecretId, konnect.AllClients.Single().Secrets.Single().Id);
    }

    [Fact]
    public async Task A_secret_added_before_a_crash_whose_value_was_then_lost_is_deleted_and_the_secrets_value_kept()
    {
        await using var world = await RotationWorld.StartAsync("rotation-orphan", "3s");
        var clientId = (await world.ClientAsync()).Status.Id!;
        var before = await world.CurrentSecretAsync();
        KillPoint.All[1].Arm(world, new RotationStart(world.KonnectTap.Calls.Count, world.KubeTap.Calls.Count));
        await world.RotateAsync("lost");
        await Poll.UntilAsync(() => KillPoint.All[1].ReachedAsync(world), "Konnect to hold the staged secret", Wait.Timeout, Ct);
        await world.KillAsync();
        var orphan = world.Sandbox.Konnect.Snapshot().AllClients.Single().Secrets.MaxBy(s => s.CreatedAt)!.Id;

        // While the operator is down, the credentials Secret is deleted: the staged value is gone with it.
        await world.Sandbox.Client.DeleteAsync<k8s.Models.V1Secret>(RotationWorld.SecretName, RotationWorld.Namespace, Ct);
        await world.StartOperatorAsync();
        var (healed, _) = await Poll.MatchAsync<(Entities.Client Client, IReadOnlyDictionary<string, string>? Credentials)>(
            async () => (await world.ClientAsync(), await world.ReadWorkloadCredentialsAsync(Ct)),
            // The Secret is written before the status records the new id: wait for the status to name the newest secret.
            pair => pair.Client.Status.SecretId is { } id && id != orphan && id == world.NewestSecretId() && pair.Credentials is { } credentials
                && world.Works(clientId, credentials["client_secret"]),
            pair => $"secretID={pair.Client.Status.SecretId}",
            "the healed secret registered",
            Wait.Timeout,
            Ct);

        var secrets = world.Sandbox.Konnect.Snapshot().AllClients.Single().Secrets;
        Assert.DoesNotContain(secrets, s => s.Id == orphan);
        Assert.InRange(secrets.Count, 1, 2);
        Assert.True(world.Works(clientId, await world.CurrentSecretAsync()));
        Assert.True(world.Works(clientId, before), "the secret in use before the rotation keeps its grace period");
    }
}
