using k8s;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Runtime.Finalizer;
using KongIdentityOperator.Runtime.Hosting;
using KongIdentityOperator.Runtime.LeaderElection;
using KongIdentityOperator.Runtime.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KongIdentityOperator.Runtime.Builder;

/// <summary>Entry point: <c>services.AddKubernetesOperator(settings =&gt; ...).AddController&lt;C, E&gt;()</c>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the runtime: Kubernetes client (unless already registered: tests and the operator may register
    /// their own <see cref="KubernetesClientConfiguration"/> or <see cref="IKubernetes"/> first; without an
    /// <see cref="IKubernetes"/> the client connects from the configuration), informers, leader
    /// election, the event publisher, metrics and the probe/metrics endpoint.
    /// </summary>
    public static IOperatorBuilder AddKubernetesOperator(this IServiceCollection services, Action<OperatorSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = new OperatorSettings();
        configure?.Invoke(settings);

        services.AddLogging();
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => KubernetesClientConfiguration.BuildDefaultConfig());
#if !K8S_AOT_PACKAGE
        // For tests and tools that use KubernetesClient's API next to the operator. The Native AOT build constructs no
        // Kubernetes instance: that would keep KubernetesClient's JSON for every model in the executable.
        services.TryAddSingleton<IKubernetes>(sp => new Kubernetes(sp.GetRequiredService<KubernetesClientConfiguration>()));
#endif
        services.TryAddSingleton<ApiServerContact>();
        services.TryAddSingleton<IKubernetesClient>(sp => sp.GetService<IKubernetes>() is { } kubernetes
            ? new KubernetesEntityClient(kubernetes, sp.GetRequiredService<ApiServerContact>())
            : new KubernetesEntityClient(sp.GetRequiredService<KubernetesClientConfiguration>(), sp.GetRequiredService<ApiServerContact>()));
        services.TryAddSingleton<MetricsRegistry>();
        services.TryAddSingleton<ProcessMetrics>();
        services.AddSingleton<Leadership>();
        services.AddSingleton<FinalizerWriter>();
        services.AddSingleton<EventRecorder>();
        services.AddSingleton<EventPublisher>(sp => sp.GetRequiredService<EventRecorder>().PublishAsync);
        services.AddSingleton<Readiness>();
        services.AddSingleton<Liveness>();
        services.AddSingleton<OperatorEndpoints>();

        // Start order = registration order, stop order is the reverse: controllers (added later) drain first, then
        // the endpoint, the election (releasing the lease) and the informers last.
        services.AddHostedService<InformersHostedService>();
        services.AddSingleton<LeaderElectionHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<LeaderElectionHostedService>());
        services.AddHostedService<EndpointHostedService>();
        return new OperatorBuilder(services, settings);
    }
}
