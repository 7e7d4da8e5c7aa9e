using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Mapping;
using KongIdentityOperator.Observation;
using KongIdentityOperator.References;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Status;
using RemoteScope = KongIdentityOperator.Konnect.Identity.Scope;
using Scope = KongIdentityOperator.Entities.Scope;

namespace KongIdentityOperator.Controllers;

/// <summary>
/// Keeps a scope of the referenced auth server in step with the spec. Scope names are unique per auth server: after a
/// crash the scope of that name is recognised as this object's (the create marker says it may have made it); on a first
/// attempt a taken name is a conflict the user resolves with spec.adopt or another spec.name.
/// </summary>
internal sealed class ScopeController(
    ParentResolver parents,
    IKonnectClientFactory konnect,
    RemoteObservations observations,
    ChildDemand<Scope> demand,
    IEntityCache<Scope> siblings,
    IKubernetesClient kubernetes,
    OutcomeRecorder recorder,
    EventPublisher events,
    TimeProvider time)
    : AuthServerChildController<Scope, ScopeStatus, RemoteScope, ScopeController.NoInputs>(parents, konnect, observations, demand, siblings, kubernetes, recorder, events, time)
{
    protected override string Noun => "scope";

    protected override Resolution<NoInputs> ResolveInputs(Scope entity, Parent parent) => Resolution<NoInputs>.Of(NoInputs.Value);

    protected override RemoteSource<RemoteScope> Source(RemoteObservations observations, IKonnectClient api, string authServerId, Func<(int Pending, int Expected)> demand) =>
        observations.Scopes(api, authServerId, demand);

    protected override string IdOf(RemoteScope remote) => remote.Id;

    protected override string NameOf(RemoteScope remote) => remote.Name;

    protected override Task<RemoteScope?> FindCreatedAsync(IKonnectClient api, string authServerId, Scope entity, DateTime marker, CancellationToken cancellationToken) =>
        FindByNameAsync(api, authServerId, ScopeMapping.ScopeName(entity), cancellationToken);

    protected override async Task<Resolution<RemoteScope>> CreateAsync(IKonnectClient api, string authServerId, Scope entity, NoInputs inputs, CancellationToken cancellationToken)
    {
        try
        {
            return Resolution<RemoteScope>.Of(await api.Scopes.CreateAsync(authServerId, ScopeMapping.Create(entity), cancellationToken));
        }
        catch (KonnectApiException e) when (e.IsUniquenessViolation)
        {
            var name = ScopeMapping.ScopeName(entity);
            var taken = await FindByNameAsync(api, authServerId, name, cancellationToken);
            return Resolution<RemoteScope>.Failed(ReconcileOutcome.Stalled(
                ConditionReasons.NameConflict,
                $"A scope named '{name}' already exists in the auth server{(taken is null ? string.Empty : $" (id {taken.Id})")} and was not created by this object. Set spec.adopt.id to manage it, or choose another spec.name."));
        }
    }

    protected override async Task<RemoteScope?> PatchIfDifferentAsync(
        IKonnectClient api, string authServerId, Scope entity, NoInputs inputs, RemoteScope actual, CancellationToken cancellationToken) =>
        ScopeMapping.Diff(entity, actual) is { } patch ? await api.Scopes.PatchAsync(authServerId, actual.Id, patch, cancellationToken) : null;

    protected override void OnReady(ScopeStatus status, RemoteScope remote) => status.Name = remote.Name;

    private static async Task<RemoteScope?> FindByNameAsync(IKonnectClient api, string authServerId, string name, CancellationToken cancellationToken)
    {
        var page = await api.Scopes.ListAsync(authServerId, new ScopeListQuery { Name = Konnect.Paging.StringFilter.EqualTo(name) }, cancellationToken);
        return page.Data.FirstOrDefault(s => s.Name == name);
    }

    /// <summary>A scope references nothing but its AuthServer.</summary>
    internal sealed record NoInputs
    {
        public static NoInputs Value { get; } = new();
    }
}
