using System.Globalization;
using System.Text;
using k8s.Models;
using KongIdentityOperator.Credentials;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Tests.Unit.Credentials;

/// <summary>Credentials Secrets as the operator leaves them, built by hand so that tests can break them one way at a time.</summary>
internal static class CredentialSecrets
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 1, 10, 8, 30, 0, TimeSpan.Zero);

    public static V1Secret Holding(Client client, string clientSecret, string version = "0123456789abcdef", string? rotationRequest = null)
    {
        var keys = SecretKeyNames.For(client);
        var annotations = new Dictionary<string, string>
        {
            [CredentialAnnotations.SecretVersion] = version,
            [CredentialAnnotations.SecretSha256] = SecretGenerator.Fingerprint(clientSecret),
            [CredentialAnnotations.RotatedAt] = IssuedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        if (rotationRequest is not null)
        {
            annotations[CredentialAnnotations.RotationRequest] = rotationRequest;
        }

        return new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = SecretKeyNames.SecretName(client), NamespaceProperty = client.Metadata.NamespaceProperty, Annotations = annotations },
            Data = new Dictionary<string, byte[]>
            {
                [keys.ClientId] = Encoding.UTF8.GetBytes("team-a-orders"),
                [keys.ClientSecret] = Encoding.UTF8.GetBytes(clientSecret),
            },
        };
    }

    /// <summary>Adds a staged secret with its bookkeeping, as the operator leaves it between staging and promotion.</summary>
    public static void Stage(V1Secret secret, string value, string version, string? rotationRequest)
    {
        secret.Data[CredentialAnnotations.PendingKey] = Encoding.UTF8.GetBytes(value);
        secret.Metadata.Annotations[CredentialAnnotations.PendingVersion] = version;
        secret.Metadata.Annotations[CredentialAnnotations.PendingSha256] = SecretGenerator.Fingerprint(value);
        secret.Metadata.Annotations[CredentialAnnotations.PendingSince] = IssuedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        if (rotationRequest is not null)
        {
            secret.Metadata.Annotations[CredentialAnnotations.PendingRotationRequest] = rotationRequest;
        }
    }
}
