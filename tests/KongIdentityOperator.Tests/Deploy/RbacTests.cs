using k8s;
using k8s.Models;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// <c>config/rbac</c> and <c>config/namespaced</c> are least privilege, proven against the code: every API call the
/// real operator makes during a representative run must be allowed by the manifests, and every permission the
/// manifests grant must be used.
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

        AssertExactlyAllowed(policy, requests.Select(ApiCall.From).Concat(run.ImpliedCalls).ToList(), "config/rbac");
    }

    [Fact]
    public async Task Config_namespaced_allows_every_call_the_operator_makes_in_its_namespaces_and_nothing_else()
    {
        var rendered = KubernetesYaml.LoadAllFromString(
            await Kubectl.SucceedAsync(["kustomize", RepositoryRoot.Combine("config", "namespaced")], null, TestContext.Current.CancellationToken));
        Assert.Empty(rendered.OfType<V1ClusterRoleBinding>());
        var policy = RbacPolicy.From(rendered, RepresentativeRun.OperatorNamespace, ServiceAccount);
        var watched = WatchedNamespaces(rendered);
        Assert.Equal([RepresentativeRun.WorkloadNamespace], watched);
        Assert.All(policy.Grants, g => Assert.NotNull(g.Namespace));

        await using var sandbox = await DeploySandbox.StartAsync(TestContext.Current.CancellationToken);
        var run = new RepresentativeRun(sandbox, TestContext.Current.CancellationToken, watched);
        var requests = await run.RunAsync();

        AssertExactlyAllowed(policy, requests.Select(ApiCall.From).Concat(run.ImpliedCalls).ToList(), "config/namespaced");
        var violations = SecretSelection.Violations(requests, RepresentativeRun.Bystanders);
        Assert.True(violations.Count == 0, $"Secret requests outside the label selectors:\n{string.Join('\n', violations)}");
    }

    /// <summary>The Deployment's WATCH_NAMESPACES, which must name exactly the namespaces the Roles are granted in.</summary>
    private static List<string> WatchedNamespaces(List<object> rendered)
    {
        var deployment = rendered.OfType<V1Deployment>().Single();
        var value = deployment.Spec.Template.Spec.Containers.Single(c => c.Name == "manager").Env.Single(e => e.Name == "WATCH_NAMESPACES").Value;
        var watched = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal).ToList();
        var granted = rendered.OfType<V1RoleBinding>()
            .Select(b => b.Metadata.NamespaceProperty)
            .Where(ns => ns != RepresentativeRun.OperatorNamespace)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(granted, watched);
        return watched;
    }

    private static void AssertExactlyAllowed(RbacPolicy policy, IReadOnlyList<ApiCall> calls, string source)
    {
        var denied = calls.Where(c => !policy.Allows(c)).Select(c => c.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();
        var unused = policy.UnusedPermissions(calls).Select(p => p.ToString()).ToList();
        Assert.True(
            denied.Count == 0 && unused.Count == 0,
            $"The operator made calls that {source} does not allow:\n{string.Join('\n', denied)}\n\n"
            + $"{source} grants permissions that no call used:\n{string.Join('\n', unused)}");
        Assert.Empty(policy.UnboundRoles);
    }
}
