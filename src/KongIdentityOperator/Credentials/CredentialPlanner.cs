using System.Globalization;
using k8s.Models;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Connections;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Credentials;

/// <summary>
/// Step 1 of the crash-safe flow: decide the client secret before anything is written. Bring-your-own wins; else the
/// secret already in the credentials Secret is kept, unless it is missing, was edited (its SHA-256 no longer matches),
/// or a rotation is due (a new rotate-secret annotation value, or the rotation period elapsed); else a fresh one.
/// </summary>
internal static class CredentialPlanner
{
    public static readonly TimeSpan MinimumRotationPeriod = TimeSpan.FromHours(1);

    public static CredentialPlan Plan(Client client, V1Secret? current, string? broughtSecret, DateTimeOffset now)
    {
        var keys = SecretKeyNames.For(client);
        var annotations = current?.Metadata?.Annotations ?? new Dictionary<string, string>();
        var currentSecret = current is null ? null : KonnectConnectionResolver.Value(current, keys.ClientSecret);
        var intact = currentSecret is not null
            && annotations.TryGetValue(CredentialAnnotations.SecretSha256, out var sha) && sha == SecretGenerator.Fingerprint(currentSecret)
            && annotations.ContainsKey(CredentialAnnotations.SecretVersion);
        var requested = client.Metadata.Annotations?.TryGetValue(CredentialAnnotations.RotateSecret, out var value) == true && !string.IsNullOrEmpty(value) ? value : null;
        annotations.TryGetValue(CredentialAnnotations.RotationRequest, out var answered);
        var issuedAt = annotations.TryGetValue(CredentialAnnotations.RotatedAt, out var at)
            && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : now;

        if (broughtSecret is not null)
        {
            return intact && currentSecret == broughtSecret
                ? new(broughtSecret, annotations[CredentialAnnotations.SecretVersion], issuedAt, answered, null)
                : new(broughtSecret, SecretGenerator.NewVersion(), now, answered, currentSecret is null ? "SecretWritten" : "SecretRotated");
        }

        if (!intact)
        {
            return new(SecretGenerator.NewClientSecret(), SecretGenerator.NewVersion(), now, requested, current is null ? "SecretWritten" : "SecretHealed");
        }

        var rotationDue = (requested is not null && requested != answered)
            || (RotationPeriod(client) is { } period && now - issuedAt >= period);
        return rotationDue
            ? new(SecretGenerator.NewClientSecret(), SecretGenerator.NewVersion(), now, requested, "SecretRotated")
            : new(currentSecret!, annotations[CredentialAnnotations.SecretVersion], issuedAt, answered, null);
    }

    /// <summary>The rotation period, or null (none, or too short to be safe: the controller reports that as invalid).</summary>
    public static TimeSpan? RotationPeriod(Client client) =>
        GoDuration.TryParse(client.Spec.Secret?.RotationPeriod, out var period) && period >= MinimumRotationPeriod ? period : null;
}
