using System.Text.Json.Nodes;
using k8s;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Tests.GitOps;

/// <summary>
/// Builds each kind in each <see cref="HealthPhase"/> exactly as the operator writes it: the real entity class,
/// <see cref="StatusConditions.Apply"/> with the matching outcome, serialised by KubernetesClient, then read back
/// as the unstructured JSON that Argo CD, kstatus and kubectl see.
/// </summary>
internal static class PhaseObjects
{
    public const long Generation = 3;
    public const long NextGeneration = 4;

    public const string ReadyMessage = "In sync with Konnect";
    public const string WaitingForRefMessage = "Waiting for AuthServer default/appointments-dev to be Ready";
    public const string RetryingMessage = "Konnect answered 503 Service Unavailable; retrying in 8s";
    public const string RateLimitedMessage = "Konnect rate limit reached; retrying in 30s";
    public const string InvalidSpecMessage = "spec.audience must be an absolute URL";
    public const string KonnectRejectedMessage = "Konnect rejected the request: name must match ^[a-z0-9-]+$";
    public const string NameConflictMessage = "appointments-dev already exists in Konnect and is not owned by this object; set spec.adopt.id to adopt it";
    public const string UnauthorizedMessage = "Konnect refused the token in Secret default/konnect-token (401); replace the token";
    public const string SecretConflictMessage = "Secret default/appointments-client-credentials exists and is not owned by this Client";
    public const string DeletingMessage = "Removing from Konnect (deletionPolicy Delete)";

    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    /// <summary>The kind names, from the operator's own list so that a new kind is covered automatically.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [.. EntityTypes.All.Select(type => type.Name)];

    /// <summary>Every kind crossed with every phase, for theories.</summary>
    public static TheoryData<string, HealthPhase> KindsAndPhases()
    {
        var data = new TheoryData<string, HealthPhase>();
        foreach (var kind in Kinds)
        {
            foreach (var phase in Enum.GetValues<HealthPhase>())
            {
                data.Add(kind, phase);
            }
        }

        return data;
    }

    public static JsonObject Build(string kind, HealthPhase phase)
    {
        var (entity, status) = Create(kind);
        entity.Metadata.Name = "sample";
        entity.Metadata.NamespaceProperty = "default";
        entity.Metadata.Uid = "5f1c9a52-0b8e-4f5e-9d3c-1f7a2b3c4d5e";
        entity.Metadata.CreationTimestamp = Now.AddMinutes(-10).UtcDateTime;
        entity.Metadata.Generation = Generation;

        switch (phase)
        {
            case HealthPhase.Ready:
                Write(status, ReconcileOutcome.Ready(ReadyMessage), kind);
                break;
            case HealthPhase.ReadyGenerationBehind:
                Write(status, ReconcileOutcome.Ready(ReadyMessage), kind);
                entity.Metadata.Generation = NextGeneration;
                break;
            case HealthPhase.WaitingForRef:
                Write(status, ReconcileOutcome.Progressing(ConditionReasons.WaitingForRef, WaitingForRefMessage), kind);
                break;
            case HealthPhase.Retrying:
                Write(status, ReconcileOutcome.Progressing(ConditionReasons.Retrying, RetryingMessage, TimeSpan.FromSeconds(8)), kind);
                break;
            case HealthPhase.RateLimited:
                Write(status, ReconcileOutcome.Progressing(ConditionReasons.RateLimited, RateLimitedMessage, TimeSpan.FromSeconds(30)), kind);
                break;
            case HealthPhase.StalledInvalidSpec:
                Write(status, ReconcileOutcome.Stalled(ConditionReasons.InvalidSpec, InvalidSpecMessage), kind);
                break;
            case HealthPhase.StalledKonnectRejected:
                Write(status, ReconcileOutcome.Stalled(ConditionReasons.KonnectRejected, KonnectRejectedMessage), kind);
                break;
            case HealthPhase.StalledNameConflict:
                Write(status, ReconcileOutcome.Stalled(ConditionReasons.NameConflict, NameConflictMessage), kind);
                break;
            case HealthPhase.StalledUnauthorized:
                Write(status, ReconcileOutcome.Stalled(ConditionReasons.Unauthorized, UnauthorizedMessage), kind);
                break;
            case HealthPhase.StalledSecretConflict:
                Write(status, ReconcileOutcome.Stalled(ConditionReasons.SecretConflict, SecretConflictMessage), kind);
                break;
            case HealthPhase.StalledThenSpecChanged:
                Write(status, ReconcileOutcome.Stalled(ConditionReasons.InvalidSpec, InvalidSpecMessage), kind);
                entity.Metadata.Generation = NextGeneration;
                break;
            case HealthPhase.NoStatus:
            case HealthPhase.DefaultedStatus:
                entity.Metadata.Generation = 1;
                break;
            case HealthPhase.Deleting:
                // The API server bumps metadata.generation when it sets deletionTimestamp on an object with finalizers.
                Write(status, ReconcileOutcome.Ready(ReadyMessage), kind);
                entity.Metadata.Generation = NextGeneration;
                entity.Metadata.DeletionTimestamp = Now.UtcDateTime;
                entity.Metadata.Finalizers = ["identity.konghq.com/finalizer"];
                StatusConditions.Apply(status, NextGeneration, ReconcileOutcome.Progressing(ConditionReasons.Deleting, DeletingMessage), Now);
                break;
            case HealthPhase.DeletionPending:
                Write(status, ReconcileOutcome.Ready(ReadyMessage), kind);
                entity.Metadata.Generation = NextGeneration;
                entity.Metadata.DeletionTimestamp = Now.UtcDateTime;
                entity.Metadata.Finalizers = ["identity.konghq.com/finalizer"];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(phase), phase, null);
        }

        var json = JsonNode.Parse(KubernetesJson.Serialize(entity))!.AsObject();
        if (phase == HealthPhase.NoStatus)
        {
            json.Remove("status");
        }

        return json;
    }

    // What one reconcile at the current generation leaves behind: the kstatus trio plus the domain conditions.
    private static void Write(ConditionedStatus status, ReconcileOutcome outcome, string kind)
    {
        StatusConditions.Apply(status, Generation, outcome, Now);
        var resolved = outcome.Reason != ConditionReasons.WaitingForRef;
        StatusConditions.SetDomain(
            status,
            ConditionTypes.ResolvedRefs,
            resolved,
            resolved ? ConditionReasons.Resolved : ConditionReasons.WaitingForRef,
            resolved ? "All references resolved" : outcome.Message,
            Generation,
            Now);
        if (kind == nameof(Client))
        {
            var written = outcome.Reason != ConditionReasons.SecretConflict;
            StatusConditions.SetDomain(
                status,
                ConditionTypes.SecretReady,
                written,
                written ? ConditionReasons.Written : ConditionReasons.SecretConflict,
                written ? "Credentials written" : outcome.Message,
                Generation,
                Now);
        }
    }

    private static (CustomKubernetesEntity Entity, ConditionedStatus Status) Create(string kind)
    {
        var type = EntityTypes.All.Single(t => t.Name == kind);
        var entity = (CustomKubernetesEntity)Activator.CreateInstance(type)!;
        var status = (ConditionedStatus)type.GetProperty("Status")!.GetValue(entity)!;
        return (entity, status);
    }
}
