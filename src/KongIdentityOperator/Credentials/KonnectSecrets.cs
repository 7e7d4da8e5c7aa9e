using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Credentials;

/// <summary>
/// Brings a client's secrets in Konnect in line with its credentials Secret, one step at a time and safe to stop
/// between any two: delete the previous secret once its grace period is over; register the current secret when
/// Konnect does not hold it yet (after a heal, or a status lost); add a staged secret as a second one and promote it
/// in the credentials Secret. Which Konnect secret is which is known from the ledger in status. A value is written to
/// the credentials Secret together with the ids the client had when it was decided, so after a crash between a POST
/// and the status write, the first secret neither on record nor among those ids is the one the value was added as;
/// every other secret not on record existed before the value did, or came after from elsewhere, and cannot hold it, so
/// deleting it never deletes that value.
/// </summary>
internal sealed class KonnectSecrets(IClientSecretsApi api, string authServerId, string clientId, TimeProvider time)
{
    private List<ClientSecret>? _secrets;

    /// <summary>The ids of the client's secrets now (none when the client does not exist), to write beside a new value.</summary>
    public async Task<IReadOnlyList<string>> IdsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return [.. (await ListAsync(cancellationToken)).Select(s => s.Id)];
        }
        catch (KonnectApiException e) when (e.IsNotFound)
        {
            _secrets = [];
            return [];
        }
    }

    /// <summary>Steps taken, for events: (reason, message).</summary>
    public List<(string Reason, string Message)> Steps { get; } = [];

    /// <summary>
    /// Names the registered secret when the ledger knows its version but not its id (a PUT does not say it). When that
    /// version is <paramref name="current"/>'s, it is the oldest enabled secret the client got after the value was
    /// decided (the operator's PUT or POST came first; anything others added came later). When it is an older value (the
    /// credentials Secret was replaced since), it is the newest secret the client already had then. Nothing is added in
    /// the same reconcile: once a POST may have happened, this would no longer be sure.
    /// </summary>
    public async Task<SecretLedger> IdentifyAsync(SecretLedger ledger, CredentialValue current, CancellationToken cancellationToken)
    {
        ledger = await ReadAsync(ledger, cancellationToken);
        var named = ledger;
        var candidates = (await ListAsync(cancellationToken)).Where(s => s.Enabled && !named.Accounts(s.Id)).ToList();
        var registered = ledger.RegisteredVersion == current.Version
            ? candidates.Where(s => current.KnownIds?.Contains(s.Id) != true).MinBy(s => s.CreatedAt)
            : candidates.Where(s => current.KnownIds?.Contains(s.Id) != false).MaxBy(s => s.CreatedAt);
        return registered is null ? ledger with { RegisteredVersion = null } : ledger with { SecretId = registered.Id };
    }

    /// <summary>
    /// Registers <paramref name="current"/> when the ledger does not say Konnect holds it; the secret it replaces stays
    /// valid for <paramref name="grace"/>.
    /// </summary>
    public async Task<SecretLedger> RegisterCurrentAsync(SecretLedger ledger, CredentialValue current, TimeSpan grace, Func<CancellationToken, Task> ensureLive, CancellationToken cancellationToken)
    {
        // The caller names a registered secret first (IdentifyAsync), in a reconcile of its own.
        ledger = await ReadAsync(ledger, cancellationToken);
        if (ledger.RegisteredVersion == current.Version)
        {
            return ledger;
        }

        (var id, ledger) = await AddAsync(ledger, current, ensureLive, cancellationToken);
        return await ReplaceAsync(ledger, id, current.Version, grace, cancellationToken);
    }

    /// <summary>Adds the staged secret (or finds it, after a crash) and makes it current; the replaced one stays valid for <paramref name="grace"/>.</summary>
    public async Task<SecretLedger> AddPendingAsync(SecretLedger ledger, CredentialValue pending, TimeSpan grace, Func<CancellationToken, Task> ensureLive, CancellationToken cancellationToken)
    {
        ledger = await ReadAsync(ledger, cancellationToken);
        (var id, ledger) = await AddAsync(ledger, pending, ensureLive, cancellationToken);
        return await ReplaceAsync(ledger, id, pending.Version, grace, cancellationToken);
    }

    /// <summary>Deletes the previous secret once its grace period is over.</summary>
    public async Task<SecretLedger> ExpireAsync(SecretLedger ledger, CancellationToken cancellationToken)
    {
        if (ledger.PreviousSecretId is not { } previous || ledger.PreviousExpiresAt > time.GetUtcNow())
        {
            return ledger;
        }

        await DeleteAsync(previous, ChangeReasons.PreviousSecretDeleted, $"Deleted the previous client secret ({previous}): its grace period is over.", cancellationToken);
        return ledger with { PreviousSecretId = null, PreviousExpiresAt = null };
    }

    /// <summary>
    /// The Konnect id of <paramref name="value"/>: the unaccounted secret created since it was decided (a crash came after
    /// the POST), else a new POST — after making room (at most two enabled secrets). Returns the ledger as the room
    /// made leaves it.
    /// </summary>
    private async Task<(string Id, SecretLedger Ledger)> AddAsync(SecretLedger ledger, CredentialValue value, Func<CancellationToken, Task> ensureLive, CancellationToken cancellationToken)
    {
        var unaccounted = (await ListAsync(cancellationToken)).Where(s => !ledger.Accounts(s.Id)).ToList();
        // The first secret the client got after the value was decided is this value's POST; later ones are others'.
        var posted = unaccounted.Where(s => s.Enabled && value.KnownIds?.Contains(s.Id) != true).MinBy(s => s.CreatedAt);
        foreach (var stale in unaccounted.Where(s => s.Id != posted?.Id))
        {
            await DeleteAsync(stale.Id, ChangeReasons.UnknownSecretDeleted, $"Deleted client secret {stale.Id}: it is not on record and cannot hold the secret in the credentials Secret (it existed before that was decided, or came after it from elsewhere).", cancellationToken);
        }

        if (posted is not null)
        {
            return (posted.Id, ledger);
        }

        if (ledger.SecretId is not null && ledger.PreviousSecretId is { } previous)
        {
            // Both places are taken (a deleted or edited credentials Secret while a grace period ran): the older one goes first.
            await DeleteAsync(previous, ChangeReasons.PreviousSecretDeleted, $"Deleted the previous client secret ({previous}) before its grace period ended: Konnect holds at most two and the credentials Secret needed a new one.", cancellationToken);
            ledger = ledger with { PreviousSecretId = null, PreviousExpiresAt = null };
        }

        // The credentials Secret must hold this value before Konnect hears of it; the cache may lag behind it.
        await ensureLive(cancellationToken);
        var created = await api.CreateAsync(authServerId, clientId, new ClientSecretCreate { Secret = value.Secret, Enabled = true }, cancellationToken);
        _secrets = null;
        return (created.Id, ledger);
    }

    /// <summary>The new current secret; the one it replaces is kept for the grace period (or deleted at once with 0s).</summary>
    private async Task<SecretLedger> ReplaceAsync(SecretLedger ledger, string id, string version, TimeSpan grace, CancellationToken cancellationToken)
    {
        var replaced = ledger.SecretId is { } old && old != id ? old : null;
        var previous = ledger.PreviousSecretId is { } kept && kept != id && kept != replaced ? kept : null;
        if (previous is not null)
        {
            await DeleteAsync(previous, ChangeReasons.PreviousSecretDeleted, $"Deleted the previous client secret ({previous}) before its grace period ended: Konnect holds at most two.", cancellationToken);
        }

        if (replaced is null)
        {
            return new SecretLedger(id, version, null, null);
        }

        if (grace <= TimeSpan.Zero)
        {
            await DeleteAsync(replaced, ChangeReasons.PreviousSecretDeleted, $"Deleted the replaced client secret ({replaced}) at once (rotationGracePeriod 0s).", cancellationToken);
            return new SecretLedger(id, version, null, null);
        }

        return new SecretLedger(id, version, replaced, time.GetUtcNow() + grace);
    }

    /// <summary>The ledger without the ids Konnect no longer has (deleted there, or by us just before a crash).</summary>
    private async Task<SecretLedger> ReadAsync(SecretLedger ledger, CancellationToken cancellationToken)
    {
        var ids = (await ListAsync(cancellationToken)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var currentGone = ledger.SecretId is { } current && !ids.Contains(current);
        var previousKept = ledger.PreviousSecretId is { } previous && ids.Contains(previous);
        return ledger with
        {
            SecretId = currentGone ? null : ledger.SecretId,
            RegisteredVersion = currentGone ? null : ledger.RegisteredVersion,
            PreviousSecretId = previousKept ? ledger.PreviousSecretId : null,
            PreviousExpiresAt = previousKept ? ledger.PreviousExpiresAt : null,
        };
    }

    private async Task<List<ClientSecret>> ListAsync(CancellationToken cancellationToken)
    {
        if (_secrets is null)
        {
            var secrets = new List<ClientSecret>();
            await foreach (var secret in api.ListAllAsync(authServerId, clientId, cancellationToken: cancellationToken))
            {
                secrets.Add(secret);
            }

            _secrets = secrets;
        }

        return _secrets;
    }

    private async Task DeleteAsync(string id, string reason, string message, CancellationToken cancellationToken)
    {
        await api.DeleteAsync(authServerId, clientId, id, cancellationToken);
        _secrets?.RemoveAll(s => s.Id == id);
        Steps.Add((reason, message));
    }
}
