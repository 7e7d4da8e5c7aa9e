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
/// credentials Secret, (3) PUT the client with that id and secret — an upsert. A crash between any two steps converges
/// on restart to the same single client whose secret is the one in the Secret.
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
        var plan = CredentialPlanner.Plan(entity, current, brought.Secret, now);
        var authServer = parent.AuthServer!;
        var clientId = ClientMapping.ClientId(entity);
        var content = new CredentialsContent(clientId, authServer.Status.Issuer ?? string.Empty, authServer.Status.TokenEndpoint ?? string.Empty, allowed!.Names, authServer.Spec.Audience);

        // (2) Write the credentials Secret before Konnect hears of the secret.
        var desiredSecret = CredentialsSecret.Desired(entity, current, plan, content);
        V1Secret? written = null;
        if (CredentialsSecret.Differs(desiredSecret, current))
        {
            current = written = current is null
                ? await kubernetes.CreateAsync(desiredSecret, cancellationToken)
                : await kubernetes.UpdateAsync(desiredSecret, cancellationToken);
        }

        // (3) Upsert the client with the chosen id and secret, when Konnect differs or has an older secret.
        string? change;
        try
        {
            var outcome = await UpsertAsync(entity, parent, clientId, allowed.Ids, plan, written, cancellationToken);
            if (outcome.Problem is { } notOwned)
            {
                return await recorder.RecordAsync<Client, ClientStatus>(entity, notOwned, [DomainCondition.RefsResolved, SecretReady(secretName)], null, cancellationToken);
            }

            change = outcome.Change;
        }
        catch (Exception e) when (KonnectErrors.Handles(e))
        {
            return await recorder.RecordAsync<Client, ClientStatus>(entity, KonnectErrors.ToOutcome(e), [DomainCondition.RefsResolved, SecretReady(secretName)], null, cancellationToken);
        }

        if (change is not null)
        {
            await events(entity, change, $"{change} client {clientId} in Konnect.", cancellationToken: cancellationToken);
        }

        if (plan.ChangeReason is { } secretChange && (change is not null || entity.Status.SecretVersion != plan.Version))
        {
            await events(entity, secretChange, $"Client secret version {plan.Version} written to Secret {secretName} and registered in Konnect.", cancellationToken: cancellationToken);
        }

        var result = await recorder.RecordAsync<Client, ClientStatus>(
            entity,
            ReconcileOutcome.Ready($"Client {clientId} is ready; credentials are in Secret {secretName}."),
            [DomainCondition.RefsResolved, SecretReady(secretName)],
            status =>
            {
                status.Id = clientId;
                status.AuthServerId = parent.AuthServerId;
                status.SecretName = secretName;
                status.SecretVersion = plan.Version;
                status.SecretRotatedAt = plan.IssuedAt.UtcDateTime;
                status.RotationRequest = plan.RotationRequest;
            },
            cancellationToken);
        if (CredentialPlanner.RotationPeriod(entity) is { } rotation)
        {
            result.RequeueAfter = plan.IssuedAt + rotation - now;
        }

        return result;
    }

    public Task<ReconciliationResult<Client>> DeletedAsync(Client entity, CancellationToken cancellationToken) =>
        Task.FromResult(ReconciliationResult<Client>.Success(entity));

    // written: the credentials Secret as this reconcile wrote it (the API server's answer), or null.
    private async Task<Applied<Konnect.Identity.Client>> UpsertAsync(
        Client entity, ParentResult parent, string clientId, IReadOnlyList<string> scopeIds, CredentialPlan plan, V1Secret? written, CancellationToken cancellationToken)
    {
        var api = konnect.For(parent.Connection!);
        var desired = ClientMapping.Upsert(entity, scopeIds, plan.ClientSecret);
        var clients = observations.Collection<Konnect.Identity.Client>(RemoteReaders.ClientsKey(parent.Connection!, parent.AuthServerId!));
        var remote = await clients.FindAsync(
            clientId,
            RemoteReaders.Clients(api, parent.AuthServerId!),
            () => demand.OfAuthServer(entity.Metadata.NamespaceProperty, entity.Spec.AuthServerRef.Name),
            cancellationToken);
        if (remote is not null)
        {
            // Adopting takes an unmarked client or one whose owner is gone; without adopt only our own (or this object's
            // before a restore) is written. A client another live Client owns never is.
            var verdict = await owners.CheckAsync(OwnershipMarkers.FromLabels(remote.Labels), entity, cancellationToken);
            var allowed = entity.Spec.Adopt?.Id == clientId ? verdict.MayAdopt : verdict.MayRecover(entity.Metadata.NamespaceProperty, entity.Metadata.Name);
            if (!allowed)
            {
                return Applied<Konnect.Identity.Client>.Failed(verdict.NotOwned(
                    $"A client with id {clientId} in the auth server", $"set another spec.clientID (adopting replaces its secret)."));
            }
        }

        var secretRegistered = entity.Status.SecretVersion == plan.Version && entity.Status.AuthServerId == parent.AuthServerId;
        if (remote is not null && secretRegistered && !ClientMapping.Differs(desired, remote))
        {
            return Applied<Konnect.Identity.Client>.Unchanged(remote);
        }

        // The cache may lag behind the Secret: PUT only a secret that the live Secret holds right now. The answer to our
        // own write in this reconcile is as live as a read would be, so it saves the read.
        var live = written ?? await kubernetes.GetAsync<V1Secret>(SecretKeyNames.SecretName(entity), entity.Metadata.NamespaceProperty, cancellationToken);
        if (live?.Metadata?.Annotations?.TryGetValue(CredentialAnnotations.SecretVersion, out var version) != true || version != plan.Version)
        {
            throw new InvalidOperationException($"Secret {SecretKeyNames.SecretName(entity)} changed while the Client was reconciled; starting over.");
        }

        var upserted = await api.Clients.UpsertAsync(parent.AuthServerId!, clientId, desired, cancellationToken);
        clients.Remember(clientId, upserted.Client);
        var change = remote is null ? ChangeReasons.Created : remote.Labels.ContainsKey(OwnershipMarkers.UidKey) ? ChangeReasons.Updated : ChangeReasons.Adopted;
        return Applied<Konnect.Identity.Client>.Changed(upserted.Client, change);
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
            return (null, ReconcileOutcome.Progressing(ConditionReasons.WaitingForRef, $"Waiting for Secret {reference.Name} with the client secret (spec.clientSecretRef)."));
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
