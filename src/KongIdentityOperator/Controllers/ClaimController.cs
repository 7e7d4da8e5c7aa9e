using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Mapping;
using KongIdentityOperator.Observation;
using KongIdentityOperator.References;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Status;
using Claim = KongIdentityOperator.Entities.Claim;
using RemoteClaim = KongIdentityOperator.Konnect.Identity.Claim;

namespace KongIdentityOperator.Controllers;

/// <summary>
/// Keeps a claim of the referenced auth server in step with the spec, with its scope refs resolved to Konnect ids.
/// Claim names need not be unique in Konnect, so after a crash only a claim of that name created since the create
/// marker is taken as this object's.
/// </summary>
internal sealed class ClaimController(
    ParentResolver parents,
    ScopeResolver scopes,
    IKonnectClientFactory konnect,
    RemoteObservations observations,
    ChildDemand<Claim> demand,
    IEntityCache<Claim> siblings,
    IKubernetesClient kubernetes,
    OutcomeRecorder recorder,
    EventPublisher events,
    TimeProvider time)
    : AuthServerChildController<Claim, ClaimStatus, RemoteClaim, IReadOnlyList<string>>(parents, konnect, observations, demand, siblings, kubernetes, recorder, events, time)
{
    /// <summary>Clock skew allowed between this process and Konnect when matching a claim to the create marker.</summary>
    private static readonly TimeSpan MarkerSkew = TimeSpan.FromMinutes(5);

    protected override string Noun => "claim";

    protected override Resolution<IReadOnlyList<string>> ResolveInputs(Claim entity, Parent parent) =>
        scopes.Resolve(entity.Metadata.NamespaceProperty, entity.Spec.IncludeInScopes, entity.Spec.AuthServerRef.Name, parent.AuthServerId).Map(resolved => resolved.Ids);

    protected override RemoteSource<RemoteClaim> Source(RemoteObservations observations, IKonnectClient api, string authServerId, Func<(int Pending, int Expected)> demand) =>
        observations.Claims(api, authServerId, demand);

    protected override string IdOf(RemoteClaim remote) => remote.Id;

    protected override string NameOf(RemoteClaim remote) => remote.Name;

    protected override async Task<RemoteClaim?> FindCreatedAsync(IKonnectClient api, string authServerId, Claim entity, DateTime marker, CancellationToken cancellationToken)
    {
        var since = new DateTimeOffset(DateTime.SpecifyKind(marker, DateTimeKind.Utc)) - MarkerSkew;
        var name = entity.Spec.Name;
        var page = await api.Claims.ListAsync(authServerId, new ClaimListQuery { Name = Konnect.Paging.StringFilter.EqualTo(name) }, cancellationToken);
        return page.Data.Where(c => c.Name == name && c.CreatedAt >= since).MinBy(c => c.CreatedAt);
    }

    protected override async Task<Resolution<RemoteClaim>> CreateAsync(
        IKonnectClient api, string authServerId, Claim entity, IReadOnlyList<string> inputs, CancellationToken cancellationToken) =>
        Resolution<RemoteClaim>.Of(await api.Claims.CreateAsync(authServerId, ClaimMapping.Create(entity, inputs), cancellationToken));

    protected override async Task<RemoteClaim?> PatchIfDifferentAsync(
        IKonnectClient api, string authServerId, Claim entity, IReadOnlyList<string> inputs, RemoteClaim actual, CancellationToken cancellationToken) =>
        ClaimMapping.Diff(entity, inputs, actual) is { } patch ? await api.Claims.PatchAsync(authServerId, actual.Id, patch, cancellationToken) : null;
}
