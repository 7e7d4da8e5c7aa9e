using KongIdentityOperator.Hosting;
using KongIdentityOperator.Sandbox.KubeApi;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// The operator caches only the Secrets that are offered to it or that it wrote: through a representative run of the
/// real operator watching every namespace, no list or watch of Secrets goes without one of its two label selectors,
/// and an unlabelled Secret in a watched namespace is never asked for by name.
/// </summary>
public sealed class SecretSelectionTests
{
    [Fact]
    public async Task Only_offered_and_own_Secrets_are_ever_listed_watched_or_read()
    {
        await using var sandbox = await DeploySandbox.StartAsync(TestContext.Current.CancellationToken);
        var run = new RepresentativeRun(sandbox, TestContext.Current.CancellationToken);

        var requests = await run.RunAsync();

        var violations = SecretSelection.Violations(requests, RepresentativeRun.Bystanders);
        Assert.True(violations.Count == 0, $"Secret requests outside the label selectors:\n{string.Join('\n', violations)}");

        // Both selectors were in use, and each really listed and watched.
        foreach (var selector in CachedSecrets.Selectors)
        {
            Assert.Contains(requests, r => r.Resource == "secrets" && r.Verb == "list" && Decoded(r).Contains(selector, StringComparison.Ordinal));
            Assert.Contains(requests, r => r.Resource == "secrets" && r.Verb == "watch" && Decoded(r).Contains(selector, StringComparison.Ordinal));
        }
    }

    private static string Decoded(RequestLogEntry request) => Uri.UnescapeDataString(request.Query.Replace('+', ' '));
}
