using System.Text.Json.Nodes;

namespace KongIdentityOperator.Tests.GitOps;

/// <summary>
/// How kstatus (Flux health checks, kpt) and <c>kubectl wait --for=condition=Ready</c> read every kind in every
/// phase, through ports of their rules (see <see cref="Kstatus"/> and <see cref="KubectlWait"/>).
/// </summary>
public sealed class KstatusTests
{
    private const string Behind = "{kind} generation is 4, but latest observed generation is 3";

    // Phase → (kstatus status, kstatus message with {kind}, whether kubectl wait --for=condition=Ready returns).
    private static readonly Dictionary<HealthPhase, (KstatusStatus Status, string Message, bool ReadyWaitMet)> Expected = new()
    {
        [HealthPhase.Ready] = (KstatusStatus.Current, "Resource is current", true),
        [HealthPhase.ReadyGenerationBehind] = (KstatusStatus.InProgress, Behind, false),
        [HealthPhase.WaitingForRef] = (KstatusStatus.InProgress, PhaseObjects.WaitingForRefMessage, false),
        [HealthPhase.Retrying] = (KstatusStatus.InProgress, PhaseObjects.RetryingMessage, false),
        [HealthPhase.RateLimited] = (KstatusStatus.InProgress, PhaseObjects.RateLimitedMessage, false),
        [HealthPhase.StalledInvalidSpec] = (KstatusStatus.Failed, PhaseObjects.InvalidSpecMessage, false),
        [HealthPhase.StalledKonnectRejected] = (KstatusStatus.Failed, PhaseObjects.KonnectRejectedMessage, false),
        [HealthPhase.StalledNameConflict] = (KstatusStatus.Failed, PhaseObjects.NameConflictMessage, false),
        [HealthPhase.StalledUnauthorized] = (KstatusStatus.Failed, PhaseObjects.UnauthorizedMessage, false),
        [HealthPhase.StalledSecretConflict] = (KstatusStatus.Failed, PhaseObjects.SecretConflictMessage, false),
        [HealthPhase.StalledThenSpecChanged] = (KstatusStatus.InProgress, Behind, false),

        // kstatus' known gap: no status at all reads as Current. The CRD defaults status to observedGeneration -1
        // so that the API server never returns this shape (next row); kubectl wait is not fooled either way.
        [HealthPhase.NoStatus] = (KstatusStatus.Current, "Resource is current", false),
        [HealthPhase.DefaultedStatus] = (KstatusStatus.InProgress, "{kind} generation is 1, but latest observed generation is -1", false),
        [HealthPhase.Deleting] = (KstatusStatus.Terminating, "Resource scheduled for deletion", false),
        [HealthPhase.DeletionPending] = (KstatusStatus.Terminating, "Resource scheduled for deletion", false),
    };

    public static TheoryData<string, HealthPhase> KindsAndPhases() => PhaseObjects.KindsAndPhases();

    [Theory]
    [MemberData(nameof(KindsAndPhases))]
    public void Kstatus_reads_what_the_operator_writes(string kind, HealthPhase phase)
    {
        var (status, message, _) = Expected[phase];

        var result = Kstatus.Compute(PhaseObjects.Build(kind, phase));

        Assert.Equal(new KstatusResult(status, message.Replace("{kind}", kind, StringComparison.Ordinal)), result);
    }

    [Theory]
    [MemberData(nameof(KindsAndPhases))]
    public void Kubectl_wait_for_Ready_returns_only_when_current(string kind, HealthPhase phase)
    {
        var resource = PhaseObjects.Build(kind, phase);

        var met = KubectlWait.IsConditionMet(resource, "Ready");

        Assert.Equal(Expected[phase].ReadyWaitMet, met);
        Assert.True(!met || Kstatus.Compute(resource).Status == KstatusStatus.Current, "Ready=True must only be seen when kstatus reads Current");
    }

    [Fact]
    public void Every_phase_has_an_expectation() =>
        Assert.Equal(Enum.GetValues<HealthPhase>(), Expected.Keys.Order());

    [Fact]
    public void Kubectl_wait_for_Stalled_sees_every_stalled_phase()
    {
        var stalled = Enum.GetValues<HealthPhase>()
            .Where(phase => KubectlWait.IsConditionMet(PhaseObjects.Build("Scope", phase), "stalled"))
            .ToArray();

        Assert.Equal(
            [HealthPhase.StalledInvalidSpec, HealthPhase.StalledKonnectRejected, HealthPhase.StalledNameConflict,
                HealthPhase.StalledUnauthorized, HealthPhase.StalledSecretConflict],
            stalled);
    }

    // The rules themselves, on hand-written objects, so a port mistake cannot hide behind the operator's shapes.
    [Fact]
    public void Without_metadata_generation_the_generation_check_is_skipped() =>
        Assert.Equal(
            KstatusStatus.Current,
            Kstatus.Compute(Parse("""{"kind":"Scope","metadata":{},"status":{"observedGeneration":-1}}""")).Status);

    [Fact]
    public void The_first_true_abnormal_condition_in_list_order_decides()
    {
        var reconcilingFirst = Parse("""
            {"metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[
              {"type":"Reconciling","status":"True","message":"busy"},{"type":"Stalled","status":"True","message":"stuck"}]}}
            """);
        var stalledFirst = Parse("""
            {"metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[
              {"type":"Stalled","status":"True","message":"stuck"},{"type":"Reconciling","status":"True","message":"busy"}]}}
            """);

        Assert.Equal(new KstatusResult(KstatusStatus.InProgress, "busy"), Kstatus.Compute(reconcilingFirst));
        Assert.Equal(new KstatusResult(KstatusStatus.Failed, "stuck"), Kstatus.Compute(stalledFirst));
    }

    [Fact]
    public void Ready_False_alone_is_current_for_kstatus() =>
        Assert.Equal(
            KstatusStatus.Current,
            Kstatus.Compute(Parse("""
                {"metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"False"}]}}
                """)).Status);

    [Fact]
    public void An_empty_deletion_timestamp_is_not_terminating() =>
        Assert.Equal(
            KstatusStatus.Current,
            Kstatus.Compute(Parse("""{"metadata":{"generation":1,"deletionTimestamp":""},"status":{"observedGeneration":1}}""")).Status);

    [Theory]
    [InlineData("""{"metadata":{"generation":"1"}}""")]
    [InlineData("""{"metadata":{"generation":1},"status":{"observedGeneration":1.5}}""")]
    [InlineData("""{"metadata":{"generation":1},"status":"broken"}""")]
    [InlineData("""{"metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":{"type":"Ready"}}}""")]
    [InlineData("""{"metadata":{"deletionTimestamp":5}}""")]
    public void Malformed_fields_are_errors(string json) =>
        Assert.Throws<FormatException>(() => Kstatus.Compute(Parse(json)));

    [Fact]
    public void Kubectl_wait_prefers_the_condition_observed_generation_and_ignores_case()
    {
        var staleCondition = Parse("""
            {"metadata":{"generation":2},"status":{"observedGeneration":2,"conditions":[
              {"type":"Ready","status":"True","observedGeneration":1}]}}
            """);
        var currentCondition = Parse("""
            {"metadata":{"generation":2},"status":{"observedGeneration":1,"conditions":[
              {"type":"Ready","status":"true","observedGeneration":2}]}}
            """);

        Assert.False(KubectlWait.IsConditionMet(staleCondition, "Ready"));
        Assert.True(KubectlWait.IsConditionMet(currentCondition, "ready"));
        Assert.False(KubectlWait.IsConditionMet(currentCondition, "Ready", "False"));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
