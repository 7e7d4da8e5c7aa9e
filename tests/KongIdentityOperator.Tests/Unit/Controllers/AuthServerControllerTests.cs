using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Sandbox.Konnect;
using AuthServer = KongIdentityOperator.Entities.AuthServer;

namespace KongIdentityOperator.Tests.Unit.Controllers;

public sealed class AuthServerControllerTests(KonnectFixture konnect) : IClassFixture<KonnectFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_auth_server_is_created_once_and_a_second_pass_writes_nothing()
    {
        await using var rig = ControllerRig.Start(konnect);
        var entity = ControllerRig.AuthServer();

        var first = await rig.ReconcileAsync(rig.AuthServerController, entity);

        Assert.True(first.IsSuccess);
        var stored = rig.Stored(entity);
        Assert.Equal(("Ready", "Ready"), Observed.State(stored.Status));
        Assert.Equal("Resolved", Observed.Reason(stored.Status, "ResolvedRefs"));
        var remote = await rig.Api.AuthServers.GetAsync(stored.Status.Id!, Ct);
        Assert.Equal("team-a-appointments", remote?.Name);
        Assert.Equal(stored.Metadata.Uid, remote?.Labels?["k8s-uid"]);
        Assert.Equal(remote?.Issuer.TrimEnd('/') + "/oauth/token", stored.Status.TokenEndpoint);
        Assert.Equal(["Created"], rig.Events.Reasons("appointments"));

        var konnectState = Observed.KonnectState(rig.Konnect);
        rig.Kube.Writes.Clear();
        var second = await rig.ReconcileAsync(rig.AuthServerController, entity);

        Assert.True(second.IsSuccess);
        Assert.Equal(konnectState, Observed.KonnectState(rig.Konnect));
        Assert.Empty(rig.Kube.Writes);
        Assert.Equal(["Created"], rig.Events.Reasons("appointments"));
    }

    [Fact]
    public async Task A_field_changed_in_konnect_is_patched_back()
    {
        await using var rig = ControllerRig.Start(konnect);
        var entity = ControllerRig.AuthServer();
        await rig.ReconcileAsync(rig.AuthServerController, entity);
        var id = rig.Stored(entity).Status.Id!;
        await rig.Api.AuthServers.PatchAsync(id, new AuthServerPatch { Audience = "http://drifted" }, Ct);

        await rig.ReconcileAsync(rig.AuthServerController, entity);

        Assert.Equal("http://myhttpbin.dev", (await rig.Api.AuthServers.GetAsync(id, Ct))?.Audience);
        Assert.Equal(["Created", "Updated"], rig.Events.Reasons("appointments"));
    }

    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "no token Secret", "Reconciling", "WaitingForRef" },
        { "token Secret not offered", "Reconciling", "SecretNotReferenceable" },
        { "token Secret without the key", "Stalled", "SecretKeyMissing" },
        { "server not allowed", "Stalled", "ServerNotAllowed" },
        { "default token not granted", "Stalled", "DefaultTokenNotAllowed" },
        { "token rejected", "Stalled", "Unauthorized" },
        { "adopt id unknown", "Stalled", "InvalidSpec" },
        { "name taken", "Stalled", "NameConflict" },
        { "adopt id owned by another", "Stalled", "NotOwned" },
        { "Konnect failing", "Reconciling", "Retrying" },
        { "Konnect throttling", "Reconciling", "RateLimited" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task What_stops_an_auth_server_is_written_to_its_status_and_nothing_is_written_to_konnect(string situation, string condition, string reason)
    {
        await using var rig = ControllerRig.Start(konnect, withTokenSecret: false);
        var entity = await SetUpAsync(rig, situation);
        var konnectState = Observed.KonnectState(rig.Konnect);

        var result = await rig.ReconcileAsync(rig.AuthServerController, entity);

        var stored = rig.Stored(entity);
        Assert.Equal((condition, reason), Observed.State(stored.Status));
        Assert.Null(stored.Status.Id);
        Assert.Equal(konnectState, Observed.KonnectState(rig.Konnect));
        Assert.DoesNotContain(ControllerRig.Token, Observed.Message(stored.Status, condition), StringComparison.Ordinal);
        Assert.DoesNotContain("Created", rig.Events.Reasons("appointments"));

        // Retrying and rate limits come back on their own (a failure, retried); everything else waits for a change.
        Assert.Equal(reason is "Retrying" or "RateLimited", result.IsFailure);
        if (condition == "Stalled")
        {
            Assert.Contains(reason, rig.Events.Reasons("appointments"));
        }
    }

    private static async Task<AuthServer> SetUpAsync(ControllerRig rig, string situation)
    {
        var entity = ControllerRig.AuthServer();
        switch (situation)
        {
            case "no token Secret":
                break;
            case "token Secret not offered":
                rig.PutTokenSecret(offered: false);
                break;
            case "token Secret without the key":
                rig.PutTokenSecret(token: null);
                break;
            case "server not allowed":
                rig.PutTokenSecret();
                entity.Spec.Konnect!.ServerUrl = "https://konnect.evil.example";
                break;
            case "default token not granted":
                entity.Spec.Konnect = null;
                break;
            case "token rejected":
                rig.PutTokenSecret(token: "spat_revoked");
                break;
            case "adopt id unknown":
                rig.PutTokenSecret();
                entity.Spec.Adopt = new AdoptSpec { Id = Guid.NewGuid().ToString() };
                break;
            case "name taken":
                rig.PutTokenSecret();
                await rig.Api.AuthServers.CreateAsync(new AuthServerCreate("team-a-appointments", "http://elsewhere"), Ct);
                break;
            case "adopt id owned by another":
                rig.PutTokenSecret();
                var other = rig.Kube.Put(ControllerRig.AuthServer("other"));
                var taken = await rig.Api.AuthServers.CreateAsync(
                    new AuthServerCreate("someone-else", "http://elsewhere")
                    {
                        Labels = new Dictionary<string, string> { ["k8s-uid"] = other.Metadata.Uid, ["k8s-namespace"] = ControllerRig.Namespace, ["k8s-name"] = "other" },
                    },
                    Ct);
                entity.Spec.Adopt = new AdoptSpec { Id = taken.Id };
                break;
            case "Konnect failing":
                rig.PutTokenSecret();
                rig.Konnect.SetFaults(new EmulatorFaults { ErrorRate = 1 });
                break;
            case "Konnect throttling":
                rig.PutTokenSecret();
                rig.Konnect.SetFaults(new EmulatorFaults { ThrottleNext = 10 });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(situation), situation, null);
        }

        return entity;
    }
}
