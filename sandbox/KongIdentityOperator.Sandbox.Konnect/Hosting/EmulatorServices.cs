using KongIdentityOperator.Sandbox.Konnect.ControlPlanes;
using KongIdentityOperator.Sandbox.Konnect.CoreEntities;
using KongIdentityOperator.Sandbox.Konnect.Faults;
using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.Identity;
using KongIdentityOperator.Sandbox.Konnect.Issuer;
using KongIdentityOperator.Sandbox.Konnect.State;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Sandbox.Konnect.Hosting;

/// <summary>The emulator's singletons.</summary>
internal static class EmulatorServices
{
    public static IServiceCollection AddKonnectEmulator(this IServiceCollection services, KonnectEmulatorOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(options.TimeProvider);
        services.AddSingleton(new BearerTokens(options.Tokens));
        services.AddSingleton(new EmulatorStore(options.TimeProvider, options.Limits));
        services.AddSingleton(new FaultInjector(options.Faults, options.RandomSeed, options.TimeProvider));
        services.AddSingleton<EmulatorRequestLog>();
        services.AddSingleton<IssuerUrls>();
        services.AddSingleton<AuthServerService>();
        services.AddSingleton<ScopeService>();
        services.AddSingleton<ClaimService>();
        services.AddSingleton<ClientService>();
        services.AddSingleton<ClientSecretService>();
        services.AddSingleton<ClientTokenService>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<TokenRateLimiter>();
        services.AddSingleton<ControlPlaneService>();
        services.AddSingleton<ServiceOperations>();
        services.AddSingleton<RouteOperations>();
        services.AddSingleton<PluginOperations>();
        services.AddSingleton<SnapshotBuilder>();
        services.AddSingleton<TutorialSeed>();
        services.AddSingleton<EmulatorReset>();
        return services;
    }
}
