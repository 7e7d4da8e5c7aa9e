namespace KongIdentityOperator.Tests.GitOps;

/// <summary>
/// Runs config/argocd/health.lua under lua5.1 on every kind in every phase, built the way the operator writes it,
/// and on malformed objects the script must survive.
/// </summary>
public sealed class ArgoHealthTests
{
    private static readonly Dictionary<HealthPhase, ArgoHealth> Expected = new()
    {
        [HealthPhase.Ready] = new("Healthy", PhaseObjects.ReadyMessage),
        [HealthPhase.ReadyGenerationBehind] = new("Progressing", "Waiting for the operator to observe generation 4"),
        [HealthPhase.WaitingForRef] = new("Progressing", PhaseObjects.WaitingForRefMessage),
        [HealthPhase.Retrying] = new("Progressing", PhaseObjects.RetryingMessage),
        [HealthPhase.RateLimited] = new("Progressing", PhaseObjects.RateLimitedMessage),
        [HealthPhase.StalledInvalidSpec] = new("Degraded", PhaseObjects.InvalidSpecMessage),
        [HealthPhase.StalledKonnectRejected] = new("Degraded", PhaseObjects.KonnectRejectedMessage),
        [HealthPhase.StalledNameConflict] = new("Degraded", PhaseObjects.NameConflictMessage),
        [HealthPhase.StalledUnauthorized] = new("Degraded", PhaseObjects.UnauthorizedMessage),
        [HealthPhase.StalledSecretConflict] = new("Degraded", PhaseObjects.SecretConflictMessage),
        [HealthPhase.StalledThenSpecChanged] = new("Progressing", "Waiting for the operator to observe generation 4"),
        [HealthPhase.NoStatus] = new("Progressing", "Waiting for the operator to observe generation 1"),
        [HealthPhase.DefaultedStatus] = new("Progressing", "Waiting for the operator to observe generation 1"),
        [HealthPhase.Deleting] = new("Progressing", "Deleting: " + PhaseObjects.DeletingMessage),
        [HealthPhase.DeletionPending] = new("Progressing", "Deleting: waiting for the operator's finalizer"),
    };

    public static TheoryData<string, HealthPhase> KindsAndPhases() => PhaseObjects.KindsAndPhases();

    [Theory]
    [MemberData(nameof(KindsAndPhases))]
    public async Task Reads_what_the_operator_writes(string kind, HealthPhase phase)
    {
        var resource = PhaseObjects.Build(kind, phase);

        var health = await LuaHealthCheck.RunAsync(resource.ToJsonString(), TestContext.Current.CancellationToken);

        Assert.Equal(Expected[phase], health);
    }

    [Fact]
    public void Every_phase_has_an_expectation() =>
        Assert.Equal(Enum.GetValues<HealthPhase>(), Expected.Keys.Order());

    [Fact]
    public void Covers_all_five_kinds() =>
        Assert.Equal(["AuthServer", "Scope", "Claim", "Client", "UpstreamOAuthPolicy"], PhaseObjects.Kinds);

    // Shapes the operator never writes but a half-created, hand-edited or foreign object can have.
    [Theory]
    [InlineData("null", "Progressing", "Waiting for the operator to observe this object")]
    [InlineData("{}", "Progressing", "Waiting for the operator to observe this object")]
    [InlineData("""{"metadata":"x","status":"y"}""", "Progressing", "Waiting for the operator to observe this object")]
    [InlineData("""{"metadata":{"generation":2}}""", "Progressing", "Waiting for the operator to observe generation 2")]
    [InlineData("""{"metadata":{"generation":2},"status":{"conditions":[]}}""", "Progressing", "Waiting for the operator to observe generation 2")]
    [InlineData("""{"metadata":{"generation":2},"status":{"observedGeneration":2}}""", "Progressing", "Waiting for the operator to set the Ready condition")]
    [InlineData("""{"metadata":{"generation":2},"status":{"observedGeneration":2,"conditions":"Ready"}}""", "Progressing", "Waiting for the operator to set the Ready condition")]
    [InlineData("""{"metadata":{"generation":2},"status":{"observedGeneration":2,"conditions":[1,"x",null,[],{"type":"Ready","status":"Unknown","reason":"Pending"}]}}""", "Progressing", "Pending")]
    [InlineData("""{"metadata":{"generation":"2"},"status":{"observedGeneration":"2","conditions":[{"type":"Ready","status":"True","message":"ok"}]}}""", "Healthy", "ok")]
    [InlineData("""{"metadata":{},"status":{"observedGeneration":5,"conditions":[{"type":"Ready","status":"True","message":"ok"}]}}""", "Healthy", "ok")]
    [InlineData("""{"metadata":{"generation":2},"status":{"observedGeneration":2,"conditions":[{"type":"Stalled","status":"True"}]}}""", "Degraded", "")]
    [InlineData("""{"metadata":{"generation":2,"deletionTimestamp":"2026-01-01T00:00:00Z"}}""", "Progressing", "Deleting: waiting for the operator's finalizer")]
    [InlineData("""{"metadata":{"generation":2,"deletionTimestamp":"2026-01-01T00:00:00Z"},"status":{"conditions":[{"type":"Stalled","status":"True","message":"403 from Konnect"}]}}""", "Progressing", "Deleting: 403 from Konnect")]
    public async Task Survives_malformed_objects(string json, string status, string message)
    {
        var health = await LuaHealthCheck.RunAsync(json, TestContext.Current.CancellationToken);

        Assert.Equal(new ArgoHealth(status, message), health);
    }

    // crossplane/docs#841: scripts that look at Ready first report a stale Ready=True as Healthy.
    [Fact]
    public async Task Stalled_wins_over_a_stale_Ready()
    {
        const string json = """
            {"metadata":{"generation":7},"status":{"observedGeneration":7,"conditions":[
              {"type":"Ready","status":"True","reason":"Ready","message":"was fine"},
              {"type":"Reconciling","status":"True","reason":"Retrying","message":"retrying"},
              {"type":"Stalled","status":"True","reason":"InvalidSpec","message":"spec.issuer is not a URL"}]}}
            """;

        var health = await LuaHealthCheck.RunAsync(json, TestContext.Current.CancellationToken);

        Assert.Equal(new ArgoHealth("Degraded", "spec.issuer is not a URL"), health);
    }

    [Fact]
    public async Task Messages_keep_quotes_newlines_and_unicode()
    {
        const string message = "Konnect said \"no\"\n\ton line two \\ é ✓ 😀";
        var resource = PhaseObjects.Build("Client", HealthPhase.Ready);
        resource["status"]!["conditions"]![0]!["message"] = message;

        var health = await LuaHealthCheck.RunAsync(resource.ToJsonString(), TestContext.Current.CancellationToken);

        Assert.Equal(new ArgoHealth("Healthy", message), health);
    }
}
