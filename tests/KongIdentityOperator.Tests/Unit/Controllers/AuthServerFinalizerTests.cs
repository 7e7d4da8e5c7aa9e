using k8s.Models;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Tests.Unit.Controllers;

public sealed class AuthServerFinalizerTests(KonnectFixture konnect) : IClassFixture<KonnectFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_auth_server_without_dependents_is_deleted_from_konnect()
    {
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();

        var result = await rig.FinalizeAsync(rig.AuthServerFinalizer, authServer);

        Assert.True(result.IsSuccess);
        Assert.Null(await rig.Api.AuthServers.GetAsync(authServer.Status.Id!, Ct));
        Assert.Contains("Deleted", rig.Events.Reasons("appointments"));
    }

    public static TheoryData<string, string> Blocked() => new()
    {
        { "a Scope still uses it", "Scope my-scope" },
        { "its token Secret is gone", $"Waiting for Secret {ControllerRig.TokenSecret}" },
        { "Konnect fails", "Deleting from Konnect failed" },
    };

    [Theory]
    [MemberData(nameof(Blocked))]
    public async Task An_auth_server_that_cannot_be_deleted_yet_is_kept_and_says_why(string situation, string said)
    {
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();
        switch (situation)
        {
            case "a Scope still uses it":
                rig.Kube.Put(TestEntities.Scope());
                break;
            case "its token Secret is gone":
                await rig.Kube.DeleteAsync<V1Secret>(ControllerRig.TokenSecret, ControllerRig.Namespace, Ct);
                break;
            default:
                rig.Konnect.SetFaults(new Sandbox.Konnect.EmulatorFaults { ErrorRate = 1 });
                break;
        }

        var result = await rig.FinalizeAsync(rig.AuthServerFinalizer, authServer);

        Assert.True(result.IsFailure);
        var status = rig.Stored(authServer).Status;
        Assert.Equal(("Reconciling", "Deleting"), Observed.State(status));
        Assert.Contains(said, Observed.Message(status, "Reconciling"), StringComparison.Ordinal);
        rig.Konnect.SetFaults(Sandbox.Konnect.EmulatorFaults.None);
        Assert.NotNull(await rig.Api.AuthServers.GetAsync(authServer.Status.Id!, Ct));
    }

    [Fact]
    public async Task An_orphaned_auth_server_stays_in_konnect()
    {
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();
        authServer.Spec.DeletionPolicy = DeletionPolicy.Orphan;
        rig.Kube.Put(authServer);

        Assert.True((await rig.FinalizeAsync(rig.AuthServerFinalizer, authServer)).IsSuccess);

        Assert.NotNull(await rig.Api.AuthServers.GetAsync(authServer.Status.Id!, Ct));
        Assert.Contains("Orphaned", rig.Events.Reasons("appointments"));
    }
}
