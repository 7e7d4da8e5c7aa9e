using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Tests.TestEntities;
using KongIdentityOperator.Sandbox.KubeApi;

namespace KongIdentityOperator.Runtime.Tests.Integration;

/// <summary>An in-memory API server over HTTP for one test, with the Widget CRD installed and clients pointed at it.</summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private readonly List<OperatorHost> _operators = [];

    private TestCluster(KubeApiServer api)
    {
        Api = api;
        Configuration = new KubernetesClientConfiguration { Host = api.BaseAddress.ToString() };
        Kubernetes = new Kubernetes(Configuration);
        Client = new KubernetesEntityClient(Kubernetes);
    }

    public KubeApiServer Api { get; }

    public KubernetesClientConfiguration Configuration { get; }

    public IKubernetes Kubernetes { get; }

    public IKubernetesClient Client { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<TestCluster> StartAsync(bool installCrd = true, KubeApiServerOptions? options = null)
    {
        var cluster = new TestCluster(await KubeApiServer.StartAsync(options ?? new KubeApiServerOptions(), Token));
        if (installCrd)
        {
            await cluster.InstallCrdAsync();
        }

        return cluster;
    }

    public Task InstallCrdAsync() => WidgetCrd.InstallAsync(Kubernetes, Token);

    public Task CreateNamespaceAsync(string name) =>
        Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: Token);

    /// <summary>Starts an operator host with the Widget controller (unless <paramref name="register"/> replaces it).</summary>
    public async Task<OperatorHost> StartOperatorAsync(
        Action<OperatorSettings>? configure = null,
        Action<IOperatorBuilder>? register = null,
        Action<WidgetBehavior>? behave = null,
        TimeSpan? shutdownTimeout = null)
    {
        var host = await OperatorHost.StartAsync(Configuration, configure, register, behave, shutdownTimeout);
        _operators.Add(host);
        return host;
    }

    /// <summary>An operator whose Widget reconciles wait for <paramref name="gate"/>, two at a time.</summary>
    public Task<OperatorHost> StartGatedOperatorAsync(TaskCompletionSource gate) =>
        StartOperatorAsync(
            register: b => b.AddController<WidgetController, Widget>(o => o.MaxConcurrentReconciles = 2),
            behave: b => b.Reconcile = async (w, _, ct) =>
            {
                await gate.Task.WaitAsync(ct);
                return ReconciliationResult<Widget>.Success(w);
            });

    public async Task<Widget> CreateWidgetAsync(string name, string? value = null, string? reference = null, string ns = "default", IDictionary<string, string>? labels = null)
    {
        var widget = Widget.Create(ns, name, value, reference);
        widget.Metadata.Labels = labels;
        return await Client.CreateAsync(widget, Token);
    }

    /// <summary>Changes the spec (a new generation), retrying on conflicts with the operator's own writes.</summary>
    public async Task<Widget> UpdateSpecAsync(string name, string value, string ns = "default")
    {
        for (var attempt = 0; ; attempt++)
        {
            var widget = (await Client.GetAsync<Widget>(name, ns, Token))!;
            widget.Spec.Value = value;
            try
            {
                return await Client.UpdateAsync(widget, Token);
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.IsConflict() && attempt < 10)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _operators)
        {
            await host.DisposeAsync();
        }

        Kubernetes.Dispose();
        await Api.DisposeAsync();
    }
}
