using k8s;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Tests.Live;

/// <summary>
/// <c>make e2e-live ARGS=--cleanup-only</c> (<c>E2E_CLEANUP_ONLY=1</c>): removes the leftovers of every earlier run —
/// found by run label and name prefix in the cluster and in Konnect, never anything else — and runs no scenario.
/// </summary>
public sealed class LiveCleanup
{
    [Fact]
    public async Task Cleanup_only_removes_the_leftovers_of_earlier_runs()
    {
        var (settings, reason) = LiveSettings.Read(Environment.GetEnvironmentVariable);
        if (settings is null)
        {
            Assert.Skip(reason!);
        }

        if (!settings.CleanupOnly)
        {
            Assert.Skip($"runs only with --cleanup-only ({LiveSettings.CleanupOnlyVariable}=1)");
        }

        var cluster = await LiveCluster.LoadAsync(settings.KubeconfigPath);
        var services = new ServiceCollection();
        services.AddSingleton(cluster.Configuration);
        services.AddKubernetesOperator();
        await using var provider = services.BuildServiceProvider();
        using var konnect = new LiveKonnect(settings.ServerUrl, settings.Token);
        Console.WriteLine($"e2e-live: cleanup only: removing what earlier runs left in Konnect at {settings.ServerForDisplay} and in context {cluster.Name} at {cluster.Configuration.Host}");
        Console.WriteLine($"  cluster: namespaces and CRDs labelled {LiveLabels.Run} whose name starts with {LiveLabels.NamePrefix}<run>");
        Console.WriteLine($"  Konnect: auth servers and control planes labelled {LiveLabels.KonnectRun}:<run> whose name starts with {LiveLabels.NamePrefix}<run>");
        var janitor = new LiveJanitor(provider.GetRequiredService<IKubernetes>(), provider.GetRequiredService<IKubernetesClient>(), konnect, Console.Out);
        var removed = await janitor.CleanAsync(runId: null, TimeSpan.FromSeconds(20), beforeKonnect: null, TestContext.Current.CancellationToken);
        Console.WriteLine($"e2e-live: cleanup only: {removed} objects removed");
    }
}
