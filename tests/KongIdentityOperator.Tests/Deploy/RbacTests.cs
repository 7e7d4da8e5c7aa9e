using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// <c>config/rbac</c> is least privilege, proven against the code: every API call the real operator makes during a
/// representative run must be allowed by the manifests, and every permission the manifests grant must be used.
/// </summary>
public sealed class RbacTests
{
    private const string ServiceAccount = "kong-identity-operator";

    [Fact]
    public async Task Config_rbac_allows_every_call_the_operator_makes_and_nothing_it_does_not()
    {
        var policy = RbacPolicy.LoadKustomization(RepositoryRoot.Combine("config", "rbac"), RepresentativeRun.OperatorNamespace, ServiceAccount);
        await using var sandbox = await DeploySandbox.StartAsync(TestContext.Current.CancellationToken);
        var run = new RepresentativeRun(sandbox, TestContext.Current.CancellationToken);

        var requests = await run.RunAsync();

        var calls = requests.Select(ApiCall.From).Concat(run.ImpliedCalls).ToList();
        var denied = calls.Where(c => !policy.Allows(c)).Select(c => c.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();
        var unused = policy.UnusedPermissions(calls).Select(p => p.ToString()).ToList();
        Assert.True(
            denied.Count == 0 && unused.Count == 0,
            $"The operator made calls that config/rbac does not allow:\n{string.Join('\n', denied)}\n\n"
            + $"config/rbac grants permissions that no call used:\n{string.Join('\n', unused)}");
        Assert.Empty(policy.UnboundRoles);
    }
}
