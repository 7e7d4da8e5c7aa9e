using k8s;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Connections;
using KongIdentityOperator.Finalizers;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Konnect.Observability;
using KongIdentityOperator.Observation;
using KongIdentityOperator.Ownership;
using KongIdentityOperator.References;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Status;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Hosting;

/// <summary>Everything the operator registers in DI, given its options and how to reach Kubernetes.</summary>
internal static class OperatorServices
{
    public const string OperatorName = "kong-identity-operator";

    public static IServiceCollection AddKongIdentityOperator(this IServiceCollection services, OperatorOptions options, KubernetesClientConfiguration kubernetes)
    {
        services.AddSingleton(options);
        services.AddSingleton(kubernetes);
        services.AddKonnectClient(konnect =>
        {
            konnect.RateLimitPerMinute = options.KonnectRateLimitPerMinute;

            // A connection holds at most this many workers, whatever its server does (hang, slow down, rate limit).
            konnect.MaxInFlightPerConnection = options.EffectiveKonnectMaxInFlight;
            konnect.TotalTimeout = options.KonnectCallTimeout;
            konnect.AttemptTimeout = options.KonnectCallTimeout < konnect.AttemptTimeout ? options.KonnectCallTimeout : konnect.AttemptTimeout;
        });
        services.AddSingleton<IKonnectCallObserver, KonnectCallMetrics>();
        services.AddSingleton(RemoteObservationSettings.For(options.ResyncPeriod));
        services.AddSingleton<RemoteObservations>();
        services.AddSingleton<IKonnectCallObserver>(provider => provider.GetRequiredService<RemoteObservations>());
        services.AddSingleton(typeof(ChildDemand<>));
        services.AddSingleton(typeof(OwnerCheck<>));
        services.AddSingleton(AllowedServers.For(options));
        services.AddSingleton<DefaultTokenSource>();
        services.AddSingleton<KonnectConnectionResolver>();
        services.AddSingleton<ParentResolver>();
        services.AddSingleton<ScopeResolver>();
        services.AddSingleton<PolicySourceResolver>();
        services.AddSingleton<PolicyTargetResolver>();
        services.AddSingleton<OutcomeRecorder>();
        services.AddSingleton<CleanupRecorder>();

        var leaderElect = options.LeaderElect ?? KubernetesClientConfiguration.IsInCluster();
        services.AddKubernetesOperator(settings =>
            {
                settings.Name = OperatorName;
                foreach (var ns in options.Namespaces)
                {
                    settings.Namespaces.Add(ns);
                }

                settings.MaxConcurrentReconciles = options.MaxConcurrentReconciles;
                settings.ResyncPeriod = options.ResyncPeriod;
                settings.Endpoints.Port = options.HttpPort;
                settings.LeaderElection.Enabled = leaderElect;
                settings.LeaderElection.LeaseName = OperatorName + "-leader";
                settings.LeaderElection.LeaseNamespace = options.LeaderElectionNamespace
                    ?? Environment.GetEnvironmentVariable("POD_NAMESPACE")
                    ?? kubernetes.Namespace
                    ?? "default";
            })
            .AddKongIdentityControllers();
        return services;
    }
}
