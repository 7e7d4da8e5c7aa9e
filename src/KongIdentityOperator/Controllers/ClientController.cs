using k8s.Autorest;
using k8s.Models;
using KongIdentityOperator.Connections;
using KongIdentityOperator.Credentials;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Mapping;
using KongIdentityOperator.Observation;
using KongIdentityOperator.Ownership;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Status;
using Client = KongIdentityOperator.Entities.Client;

namespace KongIdentityOperator.Controllers;

/// <summary>
/// The crash-safe secret flow. Konnect shows a client secret only once, so the operator never needs to read it back:
/// (1) decide the credentials (bring-your-own, else the ones in the credentials Secret, else fresh), (2) write the
/// credentials Secret, (3) make Konnect hold them: the client created (PUT, an upsert with that id and secret) or its
/// fields PATCHed, and a rotation added as a second secret, promoted in the Secret, and the replaced one deleted after
/// the grace period. A crash between any two steps converges on restart to the same single client whose secrets are
/// the ones the Secret holds (and, during a grace period, the one it replaced).
/// </summary>
internal sealed class ClientController(
    ParentResolver parents,
    ScopeResolver scopeResolver,
    IEntityCache<V1Secret> secrets,
    IEntityCache<Scope> scopes,
    IKonnectClientFactory konnect,
    RemoteObservations observations,
    ChildDemand<Client> demand,
    OwnerCheck<Client> owners,
    IKubernetesClient kubernetes,
    OutcomeRecorder recorder,
    EventPublisher events,
    TimeProvider time) : IEntityController<Client>
{
    public async Task<ReconciliationResult<Client>> ReconcileAsync(Client entity, CancellationToken cancellationToken)
    {
        var ns = entity.Metadata.NamespaceProperty;
        var parent = parents.Resolve(ns, entity.Spec.AuthServerRef);
        var allowed = parent.Problem is null ? scopeResolver.Resolve(ns, AllowedScopes(entity), entity.Spec.AuthServerRef.Name, parent.AuthServerId) : null;
        var brought = parent.Problem is null && allowed!.Problem is null ? BroughtSecret(entity) : (null, null);
        if ((parent.Problem ?? allowed!.Problem ?? brought.Problem) is { } problem)
        {
            return await recorder.RecordAsync<Client, ClientStatus>(entity, problem, [DomainCondition.RefsUnresolved(problem)], null, cancellationToken);
        }

        if (entity.Spec.Secret?.RotationPeriod is { } period && CredentialPlanner.RotationPeriod(entity) is null)
        {
            var invalid = ReconcileOutcome.Stalled(ConditionReasons.InvalidSpec, $"spec.secret.rotationPeriod '{period}' is shorter than the minimum of 1h.");
            return await recorder.RecordAsync<Client, ClientStatus>(entity, invalid, [DomainCondition.RefsResolved], null, cancellationToken);
        }

        // (1) Decide the credentials; refuse a Secret of the same name that this Client does not own.
        var secretName = SecretKeyNames.SecretName(entity);
        var current = secrets.Get(ns, secretName);
        if (current is not null && !CredentialsSecret.IsOwnedBy(current, entity))
        {
            var conflict = ReconcileOutcome.Stalled(
                ConditionReasons.SecretConflict,
                $"Secret {secretName} exists and is not owned by this Client; the operator never overwrites a Secret it did not create. Delete it, or set spec.secret.name to another name.");
            return await recorder.RecordAsync<Client, ClientStatus>(entity, conflict, [DomainCondition.RefsResolved, SecretNotReady(conflict)], null, cancellationToken);
        }

        var now = time.GetUtcNow();
        var ledger = Ledger(entity.Status, parent.AuthServerId!);
        var plan = CredentialPlanner.Plan(entity, current, brought.Secret, ledger, now);
        var authServer = parent.AuthServer!;
        var clientId = ClientMapping.ClientId(entity);
        var content = new CredentialsContent(clientId, authServer.Status.Issuer ?? string.Empty, authServer.Status.TokenEndpoint ?? string.Empty, allowed!.Names, authServer.Spec.Audience);

        // Observe the client first: one another object owns is never written to, nor is a Secret written for it. A new
        // value goes into the Secret with the ids of the client's secrets now (see KonnectSecrets).
        var api = konnect.For(parent.Connection!);
        var steps = new KonnectSecrets(api.ClientSecrets, parent.AuthServerId!, clientId, time);
        ObservedClient observed;
        try
        {
            observed = await ObserveClientAsync(api, entity, parent, clientId, cancellationToken);
            if (observed.Problem is { } notOwned)
            {
                return await recorder.RecordAsync<Client, ClientStatus>(entity, notOwned, [DomainCondition.RefsResolved], null, cancellationToken);
            }

            if (plan.ChangeReason is ChangeReasons.SecretWritten or ChangeReasons.SecretHealed or ChangeReasons.SecretStaged)
            {
                plan = WithKnownIds(plan, observed.Remote is null ? [] : await steps.IdsAsync(cancellationToken));
            }
        }
        catch (Exception e) when (KonnectErrors.Handles(e))
        {
            return await recorder.RecordAsync<Client, ClientStatus>(entity, KonnectErrors.ToOutcome(e), [DomainCondition.RefsResolved], null, cancellationToken);
        }

        // (2) Write the credentials Secret before Konnect hears of a secret in it.
        var desiredSecret = CredentialsSecret.Desired(entity, current, plan, content);
        V1Secret? written;
        try
        {
            written = CredentialsSecret.Differs(desiredSecret, current)
                ? current is null ? await kubernetes.CreateAsync(desiredSecret, cancellationToken) : await kubernetes.UpdateAsync(desiredSecret, cancellationToken)
                : null;
        }
        catch (HttpOperationException e) when (current is null && e.IsAlreadyExists())
        {
            // The name is taken by a Secret the cache does not hold: not labelled as the operator's, so never read.
            var taken = CredentialsSecret.NameTaken(secretName);
            return await recorder.RecordAsync<Client, ClientStatus>(entity, taken, [DomainCondition.RefsResolved, SecretNotReady(taken)], null, cancellationToken);
        }

        var secret = new LiveSecret(kubernetes, entity, written);
        if (plan.ChangeReason is ChangeReasons.SecretStaged)
        {
            await events(entity, ChangeReasons.SecretStaged, $"New client secret version {plan.Pending!.Version} staged in Secret {secretName} (key {CredentialAnnotations.PendingKey}); it becomes client_secret once Konnect holds it.", cancellationToken: cancellationToken);
        }

        // (3) Make Konnect hold what the Secret holds.
        string? change;
        var progress = SecretProgress.None;
        try
        {
            var applied = await ApplyClientAsync(api, entity, parent, clientId, allowed.Ids, plan, observed, secret, cancellationToken);
            change = applied.Change;
            ledger = applied.Reset ?? ledger;
            if (NeedsSecretWork(ledger, plan, now))
            {
                (ledger, progress) = await SyncSecretsAsync(steps, ledger, plan, secret, CredentialPlanner.GracePeriod(entity), cancellationToken);
            }
        }
        catch (Exception e) when (KonnectErrors.Handles(e))
        {
            return await recorder.RecordAsync<Client, ClientStatus>(entity, KonnectErrors.ToOutcome(e), [DomainCondition.RefsResolved, SecretReady(secretName)], null, cancellationToken);
        }

        await RecordEventsAsync(entity, clientId, secretName, plan, change, steps, progress, ledger, cancellationToken);
        var value = progress == SecretProgress.Promoted ? plan.Pending! : plan.Current;
        var result = await recorder.RecordAsync<Client, ClientStatus>(
            entity,
            ReconcileOutcome.Ready(ReadyMessage(clientId, secretName, plan, ledger)),
            [DomainCondition.RefsResolved, SecretReady(secretName)],
            status =>
            {
                status.Id = clientId;
                status.AuthServerId = parent.AuthServerId;
                status.SecretName = secretName;
                status.SecretVersion = ledger.RegisteredVersion;
                status.SecretId = ledger.SecretId;
                status.PreviousSecretId = ledger.PreviousSecretId;
                status.PreviousSecretExpiresAt = ledger.PreviousExpiresAt?.UtcDateTime;
                status.SecretRotatedAt = value.IssuedAt.UtcDateTime;
                status.RotationRequest = value.RotationRequest;
            },
            cancellationToken);
        result.RequeueAfter = progress == SecretProgress.Continue ? ContinueAfter : NextWake(entity, plan, ledger, value, time.GetUtcNow());
        return result;
    }

    public Task<ReconciliationResult<Client>> DeletedAsync(Client entity, CancellationToken cancellationToken) =>
        Task.FromResult(ReconciliationResult<Client>.Success(entity));

    /// <summary>The ledger of secrets in status; empty when it is about another auth server (the Client moved or status was lost).</summary>
    private static SecretLedger Ledger(ClientStatus status, string authServerId) =>
        status.AuthServerId == authServerId
            ? new SecretLedger(status.SecretId, status.SecretVersion, status.PreviousSecretId, status.PreviousSecretExpiresAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null)
            : SecretLedger.Empty;

    /// <summary>
    /// The secret steps of one reconcile, at most one new secret each: a POST must be on record in status before the
    /// next, so that after a crash the one secret the ledger cannot account for is known to be that POST's.
    /// </summary>
    private static async Task<(SecretLedger Ledger, SecretProgress Progress)> SyncSecretsAsync(
        KonnectSecrets steps, SecretLedger ledger, CredentialPlan plan, LiveSecret secret, TimeSpan grace, CancellationToken cancellationToken)
    {
        ledger = await steps.ExpireAsync(ledger, cancellationToken);
        if (ledger.SecretId is null && ledger.RegisteredVersion is not null)
        {
            return (await steps.IdentifyAsync(ledger, plan.Current, cancellationToken), SecretProgress.Continue);
        }

        var before = ledger.SecretId;
        ledger = await steps.RegisterCurrentAsync(ledger, plan.Current, grace, ct => secret.EnsureAsync(plan.Current.Version, pending: false, ct), cancellationToken);
        var registered = ledger.SecretId != before ? SecretProgress.Registered : SecretProgress.None;
        if (plan.Pending is not { } pending)
        {
            return (ledger, registered);
        }

        if (registered == SecretProgress.Registered)
        {
            return (ledger, SecretProgress.Continue);
        }

        ledger = await steps.AddPendingAsync(ledger, pending, grace, ct => secret.EnsureAsync(pending.Version, pending: true, ct), cancellationToken);
        await secret.PromoteAsync(pending, cancellationToken);
        return (ledger, SecretProgress.Promoted);
    }

    private static CredentialPlan WithKnownIds(CredentialPlan plan, IReadOnlyList<string> ids) =>
        plan.Pending is { } pending
            ? plan with { Pending = pending with { KnownIds = ids } }
            : plan with { Current = plan.Current with { KnownIds = ids } };

    /// <summary>Whether Konnect's secrets need a look: a value not known to be registered, a staged one, or a grace period over. Never at rest.</summary>
    private static bool NeedsSecretWork(SecretLedger ledger, CredentialPlan plan, DateTimeOffset now) =>
        ledger.RegisteredVersion != plan.Current.Version || plan.Pending is not null || ledger.PreviousExpiresAt <= now;

    /// <summary>
    /// The client in Konnect (through the shared view) and whose it is. Adopting takes an unmarked client or one whose
    /// owner is gone; without adopt only our own (or this object's before a restore) is written; a client another live
    /// Client owns never is.
    /// </summary>
    private async Task<ObservedClient> ObserveClientAsync(IKonnectClient api, Client entity, ParentResult parent, string clientId, CancellationToken cancellationToken)
    {
        var remote = await observations.Collection<Konnect.Identity.Client>(RemoteReaders.ClientsKey(parent.Connection!, parent.AuthServerId!)).FindAsync(
            clientId,
            RemoteReaders.Clients(api, parent.AuthServerId!),
            () => demand.OfAuthServer(entity.Metadata.NamespaceProperty, entity.Spec.AuthServerRef.Name),
            cancellationToken);
        if (remote is null)
        {
            return new(null, null, null);
        }

        var verdict = await owners.CheckAsync(OwnershipMarkers.FromLabels(remote.Labels), entity, cancellationToken);
        var allowed = entity.Spec.Adopt?.Id == clientId ? verdict.MayAdopt : verdict.MayRecover(entity.Metadata.NamespaceProperty, entity.Metadata.Name);
        return allowed
            ? new(remote, verdict, null)
            : new(remote, verdict, verdict.NotOwned($"A client with id {clientId} in the auth server", "set another spec.clientID (adopting replaces its secret)."));
    }

    /// <summary>
    /// Creates the client (PUT with the current secret) or, for one adopted or recovered, sets it up again the same way;
    /// for our own, PATCHes the fields when any differs (never the secret: the previous one must stay valid).
    /// </summary>
    private async Task<ClientApplied> ApplyClientAsync(
        IKonnectClient api,
        Client entity, ParentResult parent, string clientId, IReadOnlyList<string> scopeIds, CredentialPlan plan, ObservedClient observed, LiveSecret secret, CancellationToken cancellationToken)
    {
        var desired = ClientMapping.Upsert(entity, scopeIds, plan.Current.Secret);
        var clients = observations.Collection<Konnect.Identity.Client>(RemoteReaders.ClientsKey(parent.Connection!, parent.AuthServerId!));
        if (observed is { Remote: { } remote, Verdict.State: OwnerState.Ours })
        {
            if (!ClientMapping.Differs(desired, remote))
            {
                return new(null, null);
            }

            clients.Remember(clientId, await api.Clients.PatchAsync(parent.AuthServerId!, clientId, ClientMapping.Patch(desired, remote), cancellationToken));
            return new(ChangeReasons.Updated, null);
        }

        // A new client, or one made elsewhere: PUT sets every field and makes the current secret its only one; its id is
        // learnt when a rotation needs it.
        await secret.EnsureAsync(plan.Current.Version, pending: false, cancellationToken);
        var upserted = await api.Clients.UpsertAsync(parent.AuthServerId!, clientId, desired, cancellationToken);
        clients.Remember(clientId, upserted.Client);
        var change = observed.Remote is null ? ChangeReasons.Created
            : observed.Verdict!.State == OwnerState.OwnerGone && entity.Spec.Adopt is null ? ChangeReasons.Recovered
            : ChangeReasons.Adopted;
        return new(change, new SecretLedger(null, plan.Current.Version, null, null));
    }

    private async Task RecordEventsAsync(
        Client entity, string clientId, string secretName, CredentialPlan plan, string? change, KonnectSecrets steps, SecretProgress progress, SecretLedger ledger, CancellationToken cancellationToken)
    {
        if (change is not null)
        {
            await events(entity, change, $"{change} client {clientId} in Konnect.", cancellationToken: cancellationToken);
        }

        if (plan.ChangeReason is ChangeReasons.SecretWritten or ChangeReasons.SecretHealed)
        {
            await events(entity, plan.ChangeReason, $"Client secret version {plan.Current.Version} written to Secret {secretName}.", cancellationToken: cancellationToken);
        }

        foreach (var (reason, message) in steps.Steps)
        {
            await events(entity, reason, message, cancellationToken: cancellationToken);
        }

        if (progress == SecretProgress.Registered)
        {
            await events(entity, ChangeReasons.SecretRegistered, $"Client secret version {plan.Current.Version} registered in Konnect (secret {ledger.SecretId}){Expiry(ledger)}.", cancellationToken: cancellationToken);
        }

        if (progress == SecretProgress.Promoted)
        {
            await events(entity, ChangeReasons.SecretRotated, $"Client secret version {plan.Pending!.Version} added in Konnect (secret {ledger.SecretId}) and now in Secret {secretName}{Expiry(ledger)}.", cancellationToken: cancellationToken);
        }

        if (plan.ChangeReason is ChangeReasons.RotationDeferred)
        {
            await events(entity, ChangeReasons.RotationDeferred, $"Rotation asked for while the previous client secret is still valid; it starts when that grace period ends ({plan.DeferredUntil:u}).", cancellationToken: cancellationToken);
        }
    }

    private static string Expiry(SecretLedger ledger) =>
        ledger.PreviousSecretId is null ? string.Empty : $"; the previous secret stays valid until {ledger.PreviousExpiresAt:u}";

    private static string ReadyMessage(string clientId, string secretName, CredentialPlan plan, SecretLedger ledger) =>
        $"Client {clientId} is ready; credentials are in Secret {secretName}"
        + (ledger.PreviousSecretId is null ? "." : $"; the previous secret stays valid until {ledger.PreviousExpiresAt:u}.")
        + (plan.DeferredUntil is { } until ? $" A rotation waits for that grace period to end ({until:u})." : string.Empty);

    /// <summary>The pause before the next step of a rotation that had to stop after one new secret.</summary>
    private static readonly TimeSpan ContinueAfter = TimeSpan.FromMilliseconds(50);

    /// <summary>When to look again on our own: the end of a grace period, or the next periodic rotation.</summary>
    private static TimeSpan? NextWake(Client entity, CredentialPlan plan, SecretLedger ledger, CredentialValue value, DateTimeOffset now)
    {
        var wakes = new List<DateTimeOffset>();
        if (ledger.PreviousExpiresAt is { } expires && ledger.PreviousSecretId is not null)
        {
            wakes.Add(expires);
        }

        if (plan.DeferredUntil is { } deferred)
        {
            wakes.Add(deferred);
        }

        if (CredentialPlanner.RotationPeriod(entity) is { } rotation)
        {
            wakes.Add(value.IssuedAt + rotation);
        }

        return wakes.Count == 0 ? null : TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(100).Ticks, (wakes.Min() - now).Ticks));
    }

    /// <summary>allowScopes, or every Scope of the AuthServer when allowAllScopes is set without a list (for the Secret's scopes key).</summary>
    private IEnumerable<LocalObjectReference> AllowedScopes(Client entity) =>
        entity.Spec.AllowScopes is { Count: > 0 } listed || entity.Spec.AllowAllScopes != true
            ? entity.Spec.AllowScopes ?? []
            : scopes.GetByIndex(Indexes.AuthServerRef, Indexes.Key(entity.Metadata.NamespaceProperty, entity.Spec.AuthServerRef.Name))
                .Where(s => s.Metadata.DeletionTimestamp is null)
                .OrderBy(s => s.Metadata.Name, StringComparer.Ordinal)
                .Select(s => new LocalObjectReference { Name = s.Metadata.Name });

    private (string? Secret, ReconcileOutcome? Problem) BroughtSecret(Client entity)
    {
        if (entity.Spec.ClientSecretRef is not { } reference)
        {
            return (null, null);
        }

        var key = reference.Key ?? "client_secret";
        var secret = secrets.Get(entity.Metadata.NamespaceProperty, reference.Name);
        if (secret is null)
        {
            return (null, ReferenceableSecret.NotSeen(reference.Name, "the client secret", "spec.clientSecretRef"));
        }

        if (!ReferenceableSecret.IsOffered(secret))
        {
            return (null, ReferenceableSecret.NotOffered(reference.Name, "spec.clientSecretRef"));
        }

        var value = KonnectConnectionResolver.Value(secret, key);
        return string.IsNullOrEmpty(value)
            ? (null, ReconcileOutcome.Stalled(ConditionReasons.SecretKeyMissing, $"Secret {reference.Name} has no non-empty key '{key}' (spec.clientSecretRef)."))
            : (value, null);
    }

    private static DomainCondition SecretReady(string secretName) =>
        new(ConditionTypes.SecretReady, true, ConditionReasons.Written, $"Credentials are in Secret {secretName}.");

    private static DomainCondition SecretNotReady(ReconcileOutcome problem) =>
        new(ConditionTypes.SecretReady, false, problem.Reason, problem.Message);
}
