using System.Globalization;
using System.Text;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Credentials;

/// <summary>
/// Step 2 of the crash-safe flow: the credentials Secret as it must be, built on top of the current one so that labels
/// and annotations other tools added survive. It is owned by the Client (controller reference), labelled as managed
/// by the operator, and never carries the Client's own labels (a GitOps tool would prune it as its own).
/// </summary>
internal static class CredentialsSecret
{
    /// <summary>How often a Client whose Secret name is taken tries again.</summary>
    public static readonly TimeSpan NameTakenRetry = TimeSpan.FromMinutes(1);

    public static bool IsOwnedBy(V1Secret secret, Client client) =>
        secret.Metadata?.OwnerReferences?.Any(r => r.Uid == client.Metadata.Uid && r.Controller == true) == true;

    /// <summary>
    /// Creating the Secret found its name taken by a Secret without the operator's label. The operator never reads
    /// such a Secret, so it cannot tell whose it is; it retries now and then (a deletion of it sends no event), and a
    /// Secret of its own whose label was removed comes back as soon as the label is restored.
    /// </summary>
    public static ReconcileOutcome NameTaken(string secretName) => ReconcileOutcome.Progressing(
        ConditionReasons.SecretConflict,
        $"Secret {secretName} exists and is not owned by this Client: it lacks the label {CredentialAnnotations.ManagedByLabel}={CredentialAnnotations.ManagedByValue}, and the operator never reads nor overwrites such a Secret. Delete it or set spec.secret.name to another name (if the operator wrote it, restore the label).",
        NameTakenRetry);

    public static V1Secret Desired(Client client, V1Secret? current, CredentialPlan plan, CredentialsContent content)
    {
        var keys = SecretKeyNames.For(client);
        var secret = new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Type = current?.Type ?? "Opaque",
            Metadata = new V1ObjectMeta
            {
                Name = SecretKeyNames.SecretName(client),
                NamespaceProperty = client.Metadata.NamespaceProperty,
                ResourceVersion = current?.Metadata?.ResourceVersion,
                Labels = new Dictionary<string, string>(current?.Metadata?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal),
                Annotations = new Dictionary<string, string>(current?.Metadata?.Annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal),
                OwnerReferences =
                [
                    new V1OwnerReference
                    {
                        ApiVersion = client.ApiVersion,
                        Kind = client.Kind,
                        Name = client.Metadata.Name,
                        Uid = client.Metadata.Uid,
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
                Finalizers = current?.Metadata?.Finalizers,
            },
            Data = new Dictionary<string, byte[]>(StringComparer.Ordinal)
            {
                [keys.ClientId] = Utf8(content.ClientId),
                [keys.ClientSecret] = Utf8(plan.Current.Secret),
                [keys.Issuer] = Utf8(content.Issuer),
                [keys.TokenEndpoint] = Utf8(content.TokenEndpoint),
                [keys.Scopes] = Utf8(string.Join(' ', content.Scopes)),
                [keys.Audience] = Utf8(content.Audience),
            },
        };
        if (plan.Pending is { } pending)
        {
            secret.Data[CredentialAnnotations.PendingKey] = Utf8(pending.Secret);
        }

        foreach (var (key, value) in client.Spec.Secret?.Labels ?? new Dictionary<string, string>())
        {
            secret.Metadata.Labels[key] = value;
        }

        foreach (var (key, value) in client.Spec.Secret?.Annotations ?? new Dictionary<string, string>())
        {
            secret.Metadata.Annotations[key] = value;
        }

        secret.Metadata.Labels[CredentialAnnotations.ManagedByLabel] = CredentialAnnotations.ManagedByValue;
        secret.Metadata.Labels[CredentialAnnotations.ClientLabel] = client.Metadata.Name;
        Record(secret.Metadata.Annotations, plan.Current, CredentialAnnotations.Current);
        Record(secret.Metadata.Annotations, plan.Pending, CredentialAnnotations.Pending);
        return secret;
    }

    /// <summary>The Secret once Konnect holds the staged secret: it becomes the current one, and the staged key goes.</summary>
    public static V1Secret Promoted(Client client, V1Secret live, CredentialValue pending)
    {
        var keys = SecretKeyNames.For(client);
        var promoted = EntityCopy.Clone(live);
        promoted.ApiVersion = "v1";
        promoted.Kind = "Secret";
        promoted.Data ??= new Dictionary<string, byte[]>(StringComparer.Ordinal);
        promoted.Metadata.Annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
        promoted.Data[keys.ClientSecret] = Utf8(pending.Secret);
        promoted.Data.Remove(CredentialAnnotations.PendingKey);
        Record(promoted.Metadata.Annotations, pending, CredentialAnnotations.Current);
        Record(promoted.Metadata.Annotations, null, CredentialAnnotations.Pending);
        return promoted;
    }

    /// <summary>The version a Secret's annotation names for one of its two slots, or null.</summary>
    public static string? VersionOf(V1Secret? secret, bool pending) =>
        secret?.Metadata?.Annotations?.TryGetValue((pending ? CredentialAnnotations.Pending : CredentialAnnotations.Current).Version, out var version) == true ? version : null;

    private static void Record(IDictionary<string, string> annotations, CredentialValue? value, CredentialSlot slot)
    {
        if (value is null)
        {
            foreach (var key in new[] { slot.Version, slot.Sha256, slot.IssuedAt, slot.RotationRequest, slot.KnownIds })
            {
                annotations.Remove(key);
            }

            return;
        }

        annotations[slot.Version] = value.Version;
        annotations[slot.Sha256] = SecretGenerator.Fingerprint(value.Secret);
        annotations[slot.IssuedAt] = value.IssuedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        Set(slot.RotationRequest, value.RotationRequest);
        Set(slot.KnownIds, value.KnownIds is { } ids ? string.Join(',', ids) : null);

        void Set(string key, string? text)
        {
            if (text is null)
            {
                annotations.Remove(key);
            }
            else
            {
                annotations[key] = text;
            }
        }
    }

    /// <summary>Whether writing <paramref name="desired"/> would change anything (data, labels, annotations, owner).</summary>
    public static bool Differs(V1Secret desired, V1Secret? current) =>
        current is null
        || !SameMap(desired.Metadata.Labels, current.Metadata.Labels)
        || !SameMap(desired.Metadata.Annotations, current.Metadata.Annotations)
        || !(current.Metadata.OwnerReferences ?? []).Any(r => r.Uid == desired.Metadata.OwnerReferences[0].Uid && r.Controller == true)
        || desired.Data.Count != (current.Data?.Count ?? 0)
        || desired.Data.Any(d => current.Data?.TryGetValue(d.Key, out var bytes) != true || !bytes.AsSpan().SequenceEqual(d.Value));

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a ?? new Dictionary<string, string>()).All(p => b is not null && b.TryGetValue(p.Key, out var v) && v == p.Value);

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);
}
