using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Credentials;

/// <summary>
/// The credentials Secret as the API server has it now: the answer to this reconcile's own write (as live as a read),
/// else read once when Konnect is about to hear of a secret. The informer cache may lag behind the Secret, and Konnect
/// must never be given a secret the Secret does not hold at that moment.
/// </summary>
internal sealed class LiveSecret(IKubernetesClient kubernetes, Client client, V1Secret? written)
{
    private V1Secret? _live = written;

    /// <summary>
    /// Throws <see cref="SecretMovedException"/> (the reconcile starts over) unless the live Secret holds
    /// <paramref name="version"/> in the given slot.
    /// </summary>
    public async Task EnsureAsync(string version, bool pending, CancellationToken cancellationToken) =>
        await LiveWithAsync(version, pending, cancellationToken);

    /// <summary>Makes the staged secret the current one, once Konnect holds it.</summary>
    public async Task PromoteAsync(CredentialValue pending, CancellationToken cancellationToken)
    {
        var live = await LiveWithAsync(pending.Version, pending: true, cancellationToken);
        _live = await kubernetes.UpdateAsync(CredentialsSecret.Promoted(client, live, pending), cancellationToken);
    }

    private async Task<V1Secret> LiveWithAsync(string version, bool pending, CancellationToken cancellationToken)
    {
        _live ??= await kubernetes.GetAsync<V1Secret>(SecretKeyNames.SecretName(client), client.Metadata.NamespaceProperty, cancellationToken);
        return _live is not null && CredentialsSecret.VersionOf(_live, pending) == version
            ? _live
            : throw new SecretMovedException($"Secret {SecretKeyNames.SecretName(client)} changed while the Client was reconciled; starting over.");
    }
}
