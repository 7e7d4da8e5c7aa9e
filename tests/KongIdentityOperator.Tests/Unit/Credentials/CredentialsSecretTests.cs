using System.Text;
using k8s.Models;
using KongIdentityOperator.Credentials;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Tests.Unit.Credentials;

public sealed class CredentialsSecretTests
{
    private static readonly CredentialPlan Plan = new(
        new CredentialValue("s3cr3t-value", "0123456789abcdef", new DateTimeOffset(2026, 1, 10, 8, 30, 15, 500, TimeSpan.FromHours(2)), "rotation-1"), null, "SecretWritten");

    private static readonly CredentialsContent Content = new(
        "team-a-orders", "https://issuer.example/auth", "https://issuer.example/auth/oauth/token", ["read", "write"], "http://myhttpbin.dev");

    [Fact]
    public void The_secret_is_named_after_the_client_in_its_namespace()
    {
        var secret = CredentialsSecret.Desired(TestEntities.Client(), null, Plan, Content);

        Assert.Equal("orders-credentials", secret.Metadata.Name);
        Assert.Equal(TestEntities.Namespace, secret.Metadata.NamespaceProperty);
        Assert.Equal("v1", secret.ApiVersion);
        Assert.Equal("Secret", secret.Kind);
        Assert.Equal("Opaque", secret.Type);
        Assert.Null(secret.Metadata.ResourceVersion);
    }

    [Fact]
    public void The_secret_name_comes_from_the_spec_when_set()
    {
        var client = TestEntities.Client(spec: s => s.Secret = new() { Name = "gateway-creds" });

        Assert.Equal("gateway-creds", CredentialsSecret.Desired(client, null, Plan, Content).Metadata.Name);
    }

    [Fact]
    public void The_client_is_the_controlling_owner()
    {
        var client = TestEntities.Client();

        var owner = Assert.Single(CredentialsSecret.Desired(client, null, Plan, Content).Metadata.OwnerReferences);

        Assert.Equal("identity.konghq.com/v1alpha1", owner.ApiVersion);
        Assert.Equal("Client", owner.Kind);
        Assert.Equal("orders", owner.Name);
        Assert.Equal(client.Metadata.Uid, owner.Uid);
        Assert.True(owner.Controller);
        Assert.True(owner.BlockOwnerDeletion);
    }

    [Fact]
    public void The_secret_is_labelled_as_managed_and_never_carries_the_clients_labels()
    {
        var client = TestEntities.Client();

        var labels = CredentialsSecret.Desired(client, null, Plan, Content).Metadata.Labels;

        Assert.Equal(
            new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "kong-identity-operator", ["identity.konghq.com/client"] = "orders" },
            labels);
        Assert.NotEmpty(client.Metadata.Labels);
    }

    [Fact]
    public void The_data_holds_everything_a_token_request_needs()
    {
        var data = CredentialsSecret.Desired(TestEntities.Client(), null, Plan, Content).Data;

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["client_id"] = "team-a-orders",
                ["client_secret"] = "s3cr3t-value",
                ["issuer"] = "https://issuer.example/auth",
                ["token_endpoint"] = "https://issuer.example/auth/oauth/token",
                ["scopes"] = "read write",
                ["audience"] = "http://myhttpbin.dev",
            },
            data.ToDictionary(d => d.Key, d => Encoding.UTF8.GetString(d.Value)));
    }

    [Fact]
    public void Renamed_keys_are_used_and_the_rest_keep_their_defaults()
    {
        var client = TestEntities.Client(spec: s => s.Secret = new() { Keys = new() { ClientId = "username", ClientSecret = "password", Scopes = "scope" } });

        var data = CredentialsSecret.Desired(client, null, Plan, Content).Data;

        Assert.Equal(["audience", "issuer", "password", "scope", "token_endpoint", "username"], data.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("s3cr3t-value", Encoding.UTF8.GetString(data["password"]));
    }

    [Fact]
    public void Keys_renamed_since_the_last_write_are_dropped()
    {
        var client = TestEntities.Client(spec: s => s.Secret = new() { Keys = new() { ClientSecret = "password" } });
        var current = CredentialsSecret.Desired(TestEntities.Client(), null, Plan, Content);

        var data = CredentialsSecret.Desired(client, current, Plan, Content).Data;

        Assert.DoesNotContain("client_secret", data.Keys);
        Assert.Contains("password", data.Keys);
    }

    [Fact]
    public void The_bookkeeping_annotations_describe_the_plan()
    {
        var annotations = CredentialsSecret.Desired(TestEntities.Client(), null, Plan, Content).Metadata.Annotations;

        Assert.Equal(
            new Dictionary<string, string>
            {
                [CredentialAnnotations.SecretVersion] = "0123456789abcdef",
                [CredentialAnnotations.SecretSha256] = SecretGenerator.Fingerprint("s3cr3t-value"),
                [CredentialAnnotations.RotatedAt] = "2026-01-10T06:30:15Z",
                [CredentialAnnotations.RotationRequest] = "rotation-1",
            },
            annotations);
    }

    [Fact]
    public void No_rotation_request_annotation_without_a_request()
    {
        var annotations = CredentialsSecret.Desired(TestEntities.Client(), null, Plan with { Current = Plan.Current with { RotationRequest = null } }, Content).Metadata.Annotations;

        Assert.DoesNotContain(CredentialAnnotations.RotationRequest, annotations.Keys);
    }

    [Fact]
    public void A_staged_secret_sits_beside_the_current_one_with_its_own_bookkeeping()
    {
        var staged = new CredentialValue("n3w-s3cr3t-value", "fedcba9876543210", new DateTimeOffset(2026, 1, 11, 9, 0, 0, TimeSpan.Zero), "rotation-2");

        var secret = CredentialsSecret.Desired(TestEntities.Client(), null, Plan with { Pending = staged }, Content);

        Assert.Equal("s3cr3t-value", Encoding.UTF8.GetString(secret.Data["client_secret"]));
        Assert.Equal("n3w-s3cr3t-value", Encoding.UTF8.GetString(secret.Data[CredentialAnnotations.PendingKey]));
        Assert.Equal("fedcba9876543210", secret.Metadata.Annotations[CredentialAnnotations.PendingVersion]);
        Assert.Equal(SecretGenerator.Fingerprint("n3w-s3cr3t-value"), secret.Metadata.Annotations[CredentialAnnotations.PendingSha256]);
        Assert.Equal("2026-01-11T09:00:00Z", secret.Metadata.Annotations[CredentialAnnotations.PendingSince]);
        Assert.Equal("rotation-2", secret.Metadata.Annotations[CredentialAnnotations.PendingRotationRequest]);
        Assert.Equal("0123456789abcdef", secret.Metadata.Annotations[CredentialAnnotations.SecretVersion]);
    }

    [Fact]
    public void Promotion_makes_the_staged_secret_current_and_removes_the_stage()
    {
        var client = TestEntities.Client();
        var staged = new CredentialValue("n3w-s3cr3t-value", "fedcba9876543210", new DateTimeOffset(2026, 1, 11, 9, 0, 0, TimeSpan.Zero), "rotation-2");
        var live = CredentialsSecret.Desired(client, null, Plan with { Pending = staged }, Content);

        var promoted = CredentialsSecret.Promoted(client, live, staged);

        Assert.Equal("n3w-s3cr3t-value", Encoding.UTF8.GetString(promoted.Data["client_secret"]));
        Assert.DoesNotContain(CredentialAnnotations.PendingKey, promoted.Data.Keys);
        Assert.Equal("fedcba9876543210", CredentialsSecret.VersionOf(promoted, pending: false));
        Assert.Null(CredentialsSecret.VersionOf(promoted, pending: true));
        Assert.Equal("2026-01-11T09:00:00Z", promoted.Metadata.Annotations[CredentialAnnotations.RotatedAt]);
        Assert.Equal("rotation-2", promoted.Metadata.Annotations[CredentialAnnotations.RotationRequest]);
        Assert.DoesNotContain(promoted.Metadata.Annotations.Keys, k => k.StartsWith("identity.konghq.com/pending", StringComparison.Ordinal));
        Assert.Equal(SecretGenerator.Fingerprint("s3cr3t-value"), live.Metadata.Annotations[CredentialAnnotations.SecretSha256]);
    }

    [Fact]
    public void Extra_labels_and_annotations_from_the_spec_are_added()
    {
        var client = TestEntities.Client(spec: s => s.Secret = new()
        {
            Labels = new Dictionary<string, string> { ["reloader"] = "on" },
            Annotations = new Dictionary<string, string> { ["vault.io/sync"] = "true" },
        });

        var metadata = CredentialsSecret.Desired(client, null, Plan, Content).Metadata;

        Assert.Equal("on", metadata.Labels["reloader"]);
        Assert.Equal("true", metadata.Annotations["vault.io/sync"]);
    }

    [Fact]
    public void Spec_labels_cannot_override_the_operators_own()
    {
        var client = TestEntities.Client(spec: s => s.Secret = new()
        {
            Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "helm", ["identity.konghq.com/client"] = "other" },
            Annotations = new Dictionary<string, string> { [CredentialAnnotations.SecretVersion] = "forged" },
        });

        var metadata = CredentialsSecret.Desired(client, null, Plan, Content).Metadata;

        Assert.Equal("kong-identity-operator", metadata.Labels["app.kubernetes.io/managed-by"]);
        Assert.Equal("orders", metadata.Labels["identity.konghq.com/client"]);
        Assert.Equal("0123456789abcdef", metadata.Annotations[CredentialAnnotations.SecretVersion]);
    }

    [Fact]
    public void Labels_annotations_finalizers_type_and_resource_version_of_others_are_preserved()
    {
        var client = TestEntities.Client();
        var current = CredentialsSecret.Desired(client, null, Plan, Content);
        current.Type = "kubernetes.io/basic-auth";
        current.Metadata.ResourceVersion = "42";
        current.Metadata.Labels["velero.io/backup"] = "nightly";
        current.Metadata.Annotations["kubectl.kubernetes.io/last-applied-configuration"] = "{}";
        current.Metadata.Finalizers = ["example.com/keep"];

        var desired = CredentialsSecret.Desired(client, current, Plan, Content);

        Assert.Equal("kubernetes.io/basic-auth", desired.Type);
        Assert.Equal("42", desired.Metadata.ResourceVersion);
        Assert.Equal("nightly", desired.Metadata.Labels["velero.io/backup"]);
        Assert.Equal("{}", desired.Metadata.Annotations["kubectl.kubernetes.io/last-applied-configuration"]);
        Assert.Equal(["example.com/keep"], desired.Metadata.Finalizers);
    }

    [Fact]
    public void Desired_does_not_change_the_current_secret()
    {
        var client = TestEntities.Client(spec: s => s.Secret = new() { Labels = new Dictionary<string, string> { ["extra"] = "x" } });
        var current = CredentialsSecret.Desired(TestEntities.Client(), null, Plan, Content);
        var labelsBefore = current.Metadata.Labels.ToDictionary();

        _ = CredentialsSecret.Desired(client, current, Plan with { Current = Plan.Current with { Version = "fedcba9876543210" } }, Content);

        Assert.Equal(labelsBefore, current.Metadata.Labels);
        Assert.Equal("0123456789abcdef", current.Metadata.Annotations[CredentialAnnotations.SecretVersion]);
    }

    [Fact]
    public void An_identical_secret_does_not_differ()
    {
        var client = TestEntities.Client();
        var current = RoundTrip(CredentialsSecret.Desired(client, null, Plan, Content));

        Assert.False(CredentialsSecret.Differs(CredentialsSecret.Desired(client, current, Plan, Content), current));
    }

    [Fact]
    public void A_missing_secret_differs() =>
        Assert.True(CredentialsSecret.Differs(CredentialsSecret.Desired(TestEntities.Client(), null, Plan, Content), null));

    public static TheoryData<string> Changes() =>
    [
        "data value", "data key missing", "extra data key", "no data",
        "label value", "label missing", "extra label", "no labels",
        "annotation value", "annotation missing", "extra annotation", "no annotations",
        "owner missing", "owner not controller", "other owner",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Each_kind_of_change_differs(string change)
    {
        var desired = CredentialsSecret.Desired(TestEntities.Client(), null, Plan, Content);
        var current = RoundTrip(desired);
        Apply(change, current);

        Assert.True(CredentialsSecret.Differs(desired, current), change);
    }

    [Fact]
    public void Ownership_needs_the_clients_uid_on_a_controller_reference()
    {
        var client = TestEntities.Client();
        var owned = CredentialsSecret.Desired(client, null, Plan, Content);

        Assert.True(CredentialsSecret.IsOwnedBy(owned, client));
        Assert.False(CredentialsSecret.IsOwnedBy(owned, TestEntities.Client("other")));
        Assert.False(CredentialsSecret.IsOwnedBy(new V1Secret { Metadata = new() }, client));
        Assert.False(CredentialsSecret.IsOwnedBy(new V1Secret(), client));

        owned.Metadata.OwnerReferences[0].Controller = false;
        Assert.False(CredentialsSecret.IsOwnedBy(owned, client));

        owned.Metadata.OwnerReferences[0].Controller = null;
        Assert.False(CredentialsSecret.IsOwnedBy(owned, client));
    }

    private static void Apply(string change, V1Secret secret)
    {
        var meta = secret.Metadata;
        switch (change)
        {
            case "data value": secret.Data["client_secret"] = Encoding.UTF8.GetBytes("other"); break;
            case "data key missing": secret.Data.Remove("audience"); break;
            case "extra data key": secret.Data["stale"] = [1]; break;
            case "no data": secret.Data = null; break;
            case "label value": meta.Labels["identity.konghq.com/client"] = "someone-else"; break;
            case "label missing": meta.Labels.Remove("app.kubernetes.io/managed-by"); break;
            case "extra label": meta.Labels["extra"] = "x"; break;
            case "no labels": meta.Labels = null; break;
            case "annotation value": meta.Annotations[CredentialAnnotations.SecretVersion] = "older"; break;
            case "annotation missing": meta.Annotations.Remove(CredentialAnnotations.SecretSha256); break;
            case "extra annotation": meta.Annotations["extra"] = "x"; break;
            case "no annotations": meta.Annotations = null; break;
            case "owner missing": meta.OwnerReferences = null; break;
            case "owner not controller": meta.OwnerReferences[0].Controller = false; break;
            case "other owner": meta.OwnerReferences[0].Uid = Guid.NewGuid().ToString(); break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }

    /// <summary>A deep copy, as the API server would return the written Secret.</summary>
    private static V1Secret RoundTrip(V1Secret secret) =>
        k8s.KubernetesJson.Deserialize<V1Secret>(k8s.KubernetesJson.Serialize(secret));
}
