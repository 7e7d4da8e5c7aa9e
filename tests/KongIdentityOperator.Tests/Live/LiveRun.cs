using System.Runtime.InteropServices;
using System.Text;
using k8s;
using k8s.Models;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Tests.Integration.Harness;
using KongIdentityOperator.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Tests.Live;

/// <summary>
/// One live run: prints what it will create and where, creates the run's namespace, token Secret, control plane (and
/// the CRDs when the cluster has none), runs the operator unless one is installed, and removes all of it at the end —
/// after a failure too, and on Ctrl-C or SIGTERM.
/// </summary>
public sealed class LiveRun : IAsyncLifetime
{
    public const string OperatorDeploymentLabel = "app.kubernetes.io/name=kong-identity-operator";

    private static readonly TimeSpan FinalizerWait = TimeSpan.FromSeconds(60);

    private readonly List<PosixSignalRegistration> _signals = [];
    private readonly Lock _cleanupLock = new();
    private ServiceProvider? _services;
    private IOperatorInstance? _operator;
    private Task? _cleanup;

    public LiveSettings? Settings { get; private set; }

    public string? SkipReason { get; private set; }

    public LiveCluster Cluster { get; private set; } = null!;

    public IKubernetes Kubernetes { get; private set; } = null!;

    public IKubernetesClient Client { get; private set; } = null!;

    public LiveKonnect Konnect { get; private set; } = null!;

    public LiveJanitor Janitor { get; private set; } = null!;

    /// <summary>The run's namespace; every name in Konnect starts with it too.</summary>
    public string Ns => Settings!.Prefix;

    public const string TokenSecretName = "konnect-token";

    public string ControlPlaneName => Ns + "-cp";

    public string ControlPlaneId { get; private set; } = string.Empty;

    /// <summary>The installed operator's Deployment (namespace/name), or null when the suite runs the operator itself.</summary>
    public string? InstalledOperator { get; private set; }

    public CapturedLogs OperatorLogs { get; } = new();

    /// <summary>How long a change made in Konnect behind the operator may take to be corrected (one resync).</summary>
    public TimeSpan ResyncWait => InstalledOperator is null
        ? TimeSpan.FromSeconds(60)
        : TimeSpan.TryParse(Environment.GetEnvironmentVariable("E2E_RESYNC_WAIT"), System.Globalization.CultureInfo.InvariantCulture, out var wait) ? wait : TimeSpan.FromMinutes(11);

    public async ValueTask InitializeAsync()
    {
        (Settings, SkipReason) = LiveSettings.Read(Environment.GetEnvironmentVariable);
        if (Settings is null)
        {
            Console.WriteLine($"e2e-live: skipped: {SkipReason}");
            return;
        }

        Cluster = await LiveCluster.LoadAsync(Settings.KubeconfigPath);
        var services = new ServiceCollection();
        services.AddSingleton(Cluster.Configuration);
        services.AddKubernetesOperator();
        _services = services.BuildServiceProvider();
        Kubernetes = _services.GetRequiredService<IKubernetes>();
        Client = _services.GetRequiredService<IKubernetesClient>();
        Konnect = new LiveKonnect(Settings.ServerUrl, Settings.Token);
        Janitor = new LiveJanitor(Kubernetes, Client, Konnect, Console.Out);
        if (Settings.CleanupOnly)
        {
            return;
        }

        var ct = TestContext.Current.CancellationToken;
        InstalledOperator = await FindInstalledOperatorAsync(ct);
        var crdsInstalled = await CrdsInstalledAsync(ct);
        Console.WriteLine(Plan(crdsInstalled));
        RegisterSignals();
        try
        {
            await CreateAsync(crdsInstalled, ct);
        }
        catch
        {
            await CleanupAsync();
            throw;
        }
    }

    public KonnectSettings KonnectSettings() => new()
    {
        Region = Settings!.Region is { } region ? Enum.Parse<KonnectRegion>(region, ignoreCase: true) : null,
        // The operator the suite runs sends every call to KONNECT_SERVER_URL; an installed one needs it named (and allowed).
        ServerUrl = Settings.Region is null && InstalledOperator is not null ? Settings.ServerForDisplay.TrimEnd('/') : null,
        TokenSecretRef = new SecretKeyReference { Name = TokenSecretName },
    };

    /// <summary>Labels for what the run creates in the cluster.</summary>
    public Dictionary<string, string> RunLabels() => new() { [LiveLabels.Run] = Settings!.RunId };

    public async ValueTask DisposeAsync()
    {
        if (Settings is { CleanupOnly: false })
        {
            await CleanupAsync();
        }

        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        Konnect?.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    /// <summary>Stops the operator the suite runs, then removes everything of this run (once, however often asked).</summary>
    public Task CleanupAsync()
    {
        lock (_cleanupLock)
        {
            return _cleanup ??= RunCleanupAsync();
        }
    }

    private async Task RunCleanupAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        Console.WriteLine($"e2e-live: cleaning up run {Settings!.RunId}");

        // The operator keeps running while the namespace goes, so that it cleans Konnect the ordinary way.
        var removed = await Janitor.CleanAsync(Settings.RunId, FinalizerWait, StopOperatorAsync, timeout.Token);
        Console.WriteLine($"e2e-live: cleanup of run {Settings.RunId} done ({removed} objects removed)");
    }

    private async Task StopOperatorAsync()
    {
        if (_operator is not null)
        {
            await _operator.DisposeAsync();
            _operator = null;
        }
    }

    private void RegisterSignals()
    {
        foreach (var (signal, code) in new[] { (PosixSignal.SIGINT, 130), (PosixSignal.SIGTERM, 143) })
        {
            _signals.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Console.WriteLine($"e2e-live: {context.Signal} received, removing what run {Settings!.RunId} created");
                try
                {
                    CleanupAsync().GetAwaiter().GetResult();
                }
                finally
                {
                    Environment.Exit(code);
                }
            }));
        }
    }

    private string Plan(bool crdsInstalled)
    {
        var s = Settings!;
        var plan = new StringBuilder();
        plan.AppendLine($"e2e-live: run {s.RunId} will create, and remove when it ends:");
        plan.AppendLine($"  Konnect server   {s.ServerForDisplay} (token from KONNECT_TOKEN, not shown)");
        plan.AppendLine($"  cluster          context {Cluster.Name} at {Cluster.Configuration.Host}");
        plan.AppendLine($"  namespace        {Ns} (label {LiveLabels.Run}={s.RunId}) with the Secret {TokenSecretName} and the scenarios' objects");
        plan.AppendLine($"  in Konnect       control plane {ControlPlaneName}, auth servers {Ns}-<scenario> (label {LiveLabels.KonnectRun}:{s.RunId})");
        plan.AppendLine($"  CRDs             {(crdsInstalled ? "already installed (left alone)" : "config/crds, labelled, removed at the end")}");
        plan.AppendLine($"  operator         {(InstalledOperator is not null ? "the installed Deployment " + InstalledOperator
            : OperatorBinary.Configured is { } binary ? $"run by the suite as {binary}, watching {Ns}" : "run by the suite in this process, watching " + Ns)}");
        plan.Append("  leftovers        make e2e-live ARGS=--cleanup-only");
        return plan.ToString();
    }

    private async Task CreateAsync(bool crdsInstalled, CancellationToken ct)
    {
        await Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Ns, Labels = RunLabels() } }, cancellationToken: ct);
        var secretLabels = RunLabels();
        secretLabels["identity.konghq.com/referenceable"] = "true";
        await Client.CreateAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = TokenSecretName, NamespaceProperty = Ns, Labels = secretLabels },
                Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes(Settings!.Token) },
            },
            ct);
        if (!crdsInstalled)
        {
            await InstallCrdsAsync(ct);
        }

        var plane = await Konnect.SendAsync(
            HttpMethod.Post,
            "v2/control-planes",
            new { name = ControlPlaneName, cluster_type = "CLUSTER_TYPE_CONTROL_PLANE", labels = new Dictionary<string, string> { [LiveLabels.KonnectRun] = Settings.RunId } },
            ct);
        ControlPlaneId = LiveKonnect.Id(plane);

        if (InstalledOperator is null)
        {
            await StartOperatorAsync(ct);
        }
    }

    private async Task StartOperatorAsync(CancellationToken ct)
    {
        var s = Settings!;
        var options = new OperatorOptions
        {
            KonnectServerUrl = s.Region is null ? s.ServerUrl : null,
            KonnectRegion = s.Region ?? "us",
            Namespaces = [Ns],
            ResyncPeriod = TimeSpan.FromSeconds(10),
            HttpPort = 0,
            LeaderElect = false,
        };
        _operator = OperatorBinary.Configured is { } binary
            ? await OperatorChild.StartAsync(binary, options, Cluster, ct, OperatorLogs)
            : await OperatorInstance.StartAsync(options, Cluster.Configuration, ct, logs: OperatorLogs);
    }

    private async Task<string?> FindInstalledOperatorAsync(CancellationToken ct)
    {
        var deployments = await Kubernetes.AppsV1.ListDeploymentForAllNamespacesAsync(labelSelector: OperatorDeploymentLabel, cancellationToken: ct);
        return deployments.Items.FirstOrDefault(d => d.Status?.ReadyReplicas > 0) is { } d ? $"{d.Metadata.NamespaceProperty}/{d.Metadata.Name}" : null;
    }

    private async Task<bool> CrdsInstalledAsync(CancellationToken ct)
    {
        var crds = await Kubernetes.ApiextensionsV1.ListCustomResourceDefinitionAsync(cancellationToken: ct);
        return crds.Items.Count(c => c.Spec.Group == EntityGroup.Group) == CrdFiles().Length;
    }

    private async Task InstallCrdsAsync(CancellationToken ct)
    {
        foreach (var file in CrdFiles())
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file, ct));
            crd.Metadata.Labels ??= new Dictionary<string, string>();
            crd.Metadata.Labels[LiveLabels.Run] = Settings!.RunId;
            await Kubernetes.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: ct);
            await Eventually.TrueAsync(
                async () => (await Kubernetes.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name, cancellationToken: ct))
                    .Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true,
                $"CRD {crd.Metadata.Name} established");
        }
    }

    private static string[] CrdFiles() =>
        [.. Directory.GetFiles(RepositoryRoot.Combine("config", "crds"), "identity.konghq.com_*.yaml").Order(StringComparer.Ordinal)];
}
