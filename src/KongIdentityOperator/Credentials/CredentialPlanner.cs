using System.Globalization;
using k8s.Models;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Secrets;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Credentials;

/// <summary>
/// Step 1 of the crash-safe flow: decide the client secret before anything is written.
/// <list type="bullet">
/// <item>No intact secret in the credentials Secret (first write, deleted, edited): a new one (or the brought one) is
/// written directly as the current secret — there is no working value to keep.</item>
/// <item>A staged secret already there (a rotation under way, perhaps interrupted): it carries on.</item>
/// <item>A rotation asked for (a new rotate-secret value, the rotation period elapsed, a different brought value): a
/// new secret is staged beside the current one — unless the previous secret's grace period still runs, then the
/// rotation waits for it, so Konnect never holds more than two secrets and no grace is cut short.</item>
/// </list>
/// </summary>
internal static class CredentialPlanner
{
    public static readonly TimeSpan MinimumRotationPeriod = TimeSpan.FromHours(1);

    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromMinutes(10);

    /// <param name="client">The Client (its rotate-secret annotation and spec.secret).</param>
    /// <param name="current">The credentials Secret as it is, or null.</param>
    /// <param name="broughtSecret">The value of spec.clientSecretRef, or null.</param>
    /// <param name="ledger">What status records of the client's secrets in Konnect (a grace period running, a version registered).</param>
    /// <param name="now">The time of the decision.</param>
    public static CredentialPlan Plan(Client client, V1Secret? current, string? broughtSecret, SecretLedger ledger, DateTimeOffset now)
    {
        var requested = client.Metadata.Annotations?.TryGetValue(CredentialAnnotations.RotateSecret, out var value) == true && !string.IsNullOrEmpty(value) ? value : null;
        var stored = Read(current, SecretKeyNames.For(client).ClientSecret, CredentialAnnotations.Current, now);
        if (stored is null)
        {
            var reason = current is null && ledger.RegisteredVersion is null ? ChangeReasons.SecretWritten : ChangeReasons.SecretHealed;
            return new(CredentialValue.Fresh(broughtSecret, now, requested), null, reason);
        }

        var pending = Read(current, CredentialAnnotations.PendingKey, CredentialAnnotations.Pending, now);
        if (pending is not null)
        {
            return new(stored, pending, null);
        }

        var due = broughtSecret is not null
            ? broughtSecret != stored.Secret
            : (requested is not null && requested != stored.RotationRequest) || (RotationPeriod(client) is { } period && now - stored.IssuedAt >= period);
        if (!due)
        {
            return new(stored, null, null);
        }

        return ledger.GraceEndsAt is { } endsAt && endsAt > now
            ? new(stored, null, ChangeReasons.RotationDeferred, endsAt)
            : new(stored, CredentialValue.Fresh(broughtSecret, now, requested), ChangeReasons.SecretStaged);
    }

    /// <summary>The rotation period, or null (none, or too short to be safe: the controller reports that as invalid).</summary>
    public static TimeSpan? RotationPeriod(Client client) =>
        GoDuration.TryParse(client.Spec.Secret?.RotationPeriod, out var period) && period >= MinimumRotationPeriod ? period : null;

    /// <summary>How long a replaced secret stays valid in Konnect: spec.secret.rotationGracePeriod, default 10m; 0s cuts over at once.</summary>
    public static TimeSpan GracePeriod(Client client) =>
        client.Spec.Secret?.RotationGracePeriod is { } text && GoDuration.TryParse(text, out var grace) ? grace
        : client.Spec.Secret?.RotationGracePeriod is "0" ? TimeSpan.Zero
        : DefaultGracePeriod;

    /// <summary>A secret and its bookkeeping, when both are there and the fingerprint matches (else null: missing or edited).</summary>
    private static CredentialValue? Read(V1Secret? secret, string key, CredentialSlot slot, DateTimeOffset now)
    {
        var annotations = secret?.Metadata?.Annotations;
        if (secret is null || annotations is null || SecretData.Read(secret, key) is not { } value
            || !annotations.TryGetValue(slot.Sha256, out var sha) || sha != SecretGenerator.Fingerprint(value)
            || !annotations.TryGetValue(slot.Version, out var version))
        {
            return null;
        }

        var issuedAt = annotations.TryGetValue(slot.IssuedAt, out var at)
            && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : now;
        var known = annotations.TryGetValue(slot.KnownIds, out var ids) ? ids.Split(',', StringSplitOptions.RemoveEmptyEntries) : null;
        return new(value, version, issuedAt, annotations.TryGetValue(slot.RotationRequest, out var request) ? request : null) { KnownIds = known };
    }
}
