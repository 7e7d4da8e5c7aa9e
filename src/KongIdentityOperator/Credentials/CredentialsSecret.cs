using System.Globalization;
using System.Text;
using k8s.Models;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Credentials;

/// <summary>
/// Step 2 of the crash-safe flow: the credentials Secret as it must be, built on top of the current one so that labels
/// and annotations other tools added survive. It is owned by the Client (controller reference), labelled as managed
/// by the operator, and never carries the Client's own labels (a GitOps tool would prune it as its own).
/// </summary>
internal static class CredentialsSecret
{
    public static bool IsOwnedBy(V1Secret secret, Client client) =>
        secret.Metadata?.OwnerReferences?.Any(r => r.Uid == client.Metadata.Uid && r.Controller == true) == true;

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
                [keys.ClientSecret] = Utf8(plan.ClientSecret),
                [keys.Issuer] = Utf8(content.Issuer),
                [keys.TokenEndpoint] = Utf8(content.TokenEndpoint),
                [keys.Scopes] = Utf8(string.Join(' ', content.Scopes)),
                [keys.Audience] = Utf8(content.Audience),
            },
        };

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
        secret.Metadata.Annotations[CredentialAnnotations.SecretVersion] = plan.Version;
        secret.Metadata.Annotations[CredentialAnnotations.SecretSha256] = SecretGenerator.Fingerprint(plan.ClientSecret);
        secret.Metadata.Annotations[CredentialAnnotations.RotatedAt] = plan.IssuedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        if (plan.RotationRequest is { } request)
        {
            secret.Metadata.Annotations[CredentialAnnotations.RotationRequest] = request;
        }

        return secret;
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
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a ?? new Dictionary<string, string>()).All(p => b!.TryGetValue(p.Key, out var v) && v == p.Value);

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);
}
