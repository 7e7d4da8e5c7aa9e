using k8s.Models;
using KongIdentityOperator.Connections;
using KongIdentityOperator.Credentials;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Secrets;
using Client = KongIdentityOperator.Entities.Client;

namespace KongIdentityOperator.Tests.Unit.Controllers;

public sealed class ClientControllerTests(KonnectFixture konnect) : IClassFixture<KonnectFixture>
{
    private const string SecretName = "orders-credentials";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_client_gets_its_secret_written_first_then_konnect_holds_the_same_value()
    {
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();
        var client = NewClient();

        Assert.True((await rig.ReconcileAsync(rig.ClientController, client)).IsSuccess);

        var stored = rig.Stored(client);
        Assert.Equal(("Ready", "Ready"), Observed.State(stored.Status));
        Assert.Equal("Written", Observed.Reason(stored.Status, "SecretReady"));
        var secret = rig.Kube.Find<V1Secret>(ControllerRig.Namespace, SecretName)!;
        Assert.Equal(stored.Metadata.Uid, Assert.Single(secret.Metadata.OwnerReferences).Uid);
        Assert.Equal(stored.Status.Id, SecretData.Read(secret, "client_id"));
        Assert.True(rig.Konnect.VerifyClientSecret(authServer.Status.Id!, stored.Status.Id!, SecretData.Read(secret, "client_secret")!));
        Assert.Equal(secret.Metadata.Annotations[CredentialAnnotations.SecretVersion], stored.Status.SecretVersion);
        Assert.True(rig.Kube.Writes.IndexOf($"Create Secret {ControllerRig.Namespace}/{SecretName}") < rig.Kube.Writes.FindLastIndex(w => w.StartsWith("UpdateStatus Client", StringComparison.Ordinal)));
        Assert.Equal(["Created", "SecretWritten"], rig.Events.Reasons("orders"));
        Assert.DoesNotContain(rig.Events.All, e => e.Message.Contains(SecretData.Read(secret, "client_secret")!, StringComparison.Ordinal));

        await rig.AssertSecondPassWritesNothingAsync(rig.ClientController, client);
    }

    [Fact]
    public async Task A_secret_changed_while_the_client_is_reconciled_requeues_at_once_without_an_error()
    {
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();
        var client = NewClient();
        await rig.ReconcileAsync(rig.ClientController, client);
        var clientId = rig.Stored(client).Status.Id!;
        await rig.Api.Clients.DeleteAsync(authServer.Status.Id!, clientId, Ct);

        // The client must be made again, which reads the Secret live first: someone edits it just then.
        rig.Kube.BeforeNextGet = () =>
        {
            var secret = rig.Kube.Find<V1Secret>(ControllerRig.Namespace, SecretName)!;
            secret.Metadata.Annotations[CredentialAnnotations.SecretVersion] = "edited-meanwhile";
            rig.Kube.Put(secret);
        };
        var result = await rig.ReconcileAsync(rig.ClientController, client);

        Assert.True(result.IsSuccess);
        Assert.NotNull(result.RequeueAfter);
        Assert.True(result.RequeueAfter < TimeSpan.FromSeconds(1));
        Assert.Null(await rig.Api.Clients.GetAsync(authServer.Status.Id!, clientId, Ct));
    }

    /// <summary>Situation, the kstatus condition and reason, and whether the credentials Secret may have been written.</summary>
    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "Secret of that name not owned", "Stalled", "SecretConflict" },
        { "brought secret missing", "Reconciling", "WaitingForRef" },
        { "brought secret not offered", "Reconciling", "SecretNotReferenceable" },
        { "brought secret without the key", "Stalled", "SecretKeyMissing" },
        { "rotation period under an hour", "Stalled", "InvalidSpec" },
        { "allowed scope missing", "Reconciling", "WaitingForRef" },
        { "AuthServer missing", "Reconciling", "WaitingForRef" },
        { "client id owned by another Client", "Stalled", "NotOwned" },
        { "Konnect failing", "Reconciling", "Retrying" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task What_stops_a_client_is_written_to_its_status_and_neither_its_secret_nor_konnect_is_touched(string situation, string condition, string reason)
    {
        await using var rig = ControllerRig.Start(konnect);
        var client = await SetUpAsync(rig, situation);
        var konnectState = Observed.KonnectState(rig.Konnect);
        rig.Kube.Writes.Clear();

        await rig.ReconcileAsync(rig.ClientController, client);

        var stored = rig.Stored(client);
        Assert.Equal((condition, reason), Observed.State(stored.Status));
        Assert.Equal(konnectState, Observed.KonnectState(rig.Konnect));
        Assert.DoesNotContain(rig.Kube.Writes, w => w.Contains("Secret", StringComparison.Ordinal) && !w.StartsWith("UpdateStatus Client", StringComparison.Ordinal));
        Assert.Null(stored.Status.SecretVersion);
        if (reason == "SecretConflict")
        {
            Assert.Equal("SecretConflict", Observed.Reason(stored.Status, "SecretReady"));
            Assert.Equal("not-ours", SecretData.Read(rig.Kube.Find<V1Secret>(ControllerRig.Namespace, SecretName)!, "client_secret"));
        }
    }

    private static Client NewClient(string name = "orders", Action<ClientSpec>? spec = null) =>
        TestEntities.Client(name, s =>
        {
            s.GrantTypes = [GrantType.ClientCredentials];
            spec?.Invoke(s);
        });

    private static async Task<Client> SetUpAsync(ControllerRig rig, string situation)
    {
        if (situation == "AuthServer missing")
        {
            return NewClient();
        }

        await rig.ReadyAuthServerAsync();
        var byo = new SecretKeyReference { Name = "orders-byo" };
        switch (situation)
        {
            case "Secret of that name not owned":
                rig.Kube.Put(new V1Secret
                {
                    ApiVersion = "v1",
                    Kind = "Secret",
                    Metadata = new V1ObjectMeta { Name = SecretName, NamespaceProperty = ControllerRig.Namespace },
                    StringData = new Dictionary<string, string> { ["client_secret"] = "not-ours" },
                });
                return NewClient();
            case "brought secret missing":
                return NewClient(spec: s => s.ClientSecretRef = byo);
            case "brought secret not offered":
                rig.Kube.Put(Byo(offered: false, key: "client_secret"));
                return NewClient(spec: s => s.ClientSecretRef = byo);
            case "brought secret without the key":
                rig.Kube.Put(Byo(offered: true, key: "something_else"));
                return NewClient(spec: s => s.ClientSecretRef = byo);
            case "rotation period under an hour":
                return NewClient(spec: s => s.Secret = new ClientSecretOutput { RotationPeriod = "30m" });
            case "allowed scope missing":
                return NewClient(spec: s => s.AllowScopes = [new LocalObjectReference { Name = "my-scope" }]);
            case "client id owned by another Client":
                var other = NewClient("other", s => s.ClientId = "shared-client-id");
                await rig.ReconcileAsync(rig.ClientController, other);
                Assert.NotNull(rig.Stored(other).Status.Id);
                return NewClient(spec: s => s.ClientId = "shared-client-id");
            case "Konnect failing":
                rig.Konnect.SetFaults(new Sandbox.Konnect.EmulatorFaults { ErrorRate = 1 });
                return NewClient();
            default:
                throw new ArgumentOutOfRangeException(nameof(situation), situation, null);
        }
    }

    private static V1Secret Byo(bool offered, string key) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta
        {
            Name = "orders-byo",
            NamespaceProperty = ControllerRig.Namespace,
            Labels = offered ? new Dictionary<string, string> { [ReferenceableSecret.Label] = "true" } : null,
        },
        StringData = new Dictionary<string, string> { [key] = "a-secret-brought-by-the-team-0123456789" },
    };
}
