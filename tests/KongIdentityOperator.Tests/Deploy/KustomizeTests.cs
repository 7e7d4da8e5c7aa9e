using k8s;
using k8s.Models;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Hosting;
using KongIdentityOperator.Sandbox.Konnect;
using KongIdentityOperator.Tests.Integration.Harness;
using KongIdentityOperator.Tests.Release;
using KongIdentityOperator.TestSupport;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary><c>config/default</c> renders, applies cleanly, and installs a hardened two-replica operator with least-privilege RBAC.</summary>
public sealed class KustomizeTests(InstalledDefault installed) : IClassFixture<InstalledDefault>
{
    private const string Ns = "kong-identity-system";
    private const string Name = "kong-identity-operator";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_object_is_created_and_the_CRDs_become_Established()
    {
        string[] crds =
        [
            "authservers.identity.konghq.com", "claims.identity.konghq.com", "clients.identity.konghq.com",
            "scopes.identity.konghq.com", "upstreamoauthpolicies.identity.konghq.com",
        ];
        foreach (var crd in crds)
        {
            Assert.Contains($"customresourcedefinition.apiextensions.k8s.io/{crd} created", installed.ApplyOutput, StringComparison.Ordinal);
            await Eventually.TrueAsync(
                async () => (await installed.Kubernetes.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd, cancellationToken: Ct))
                    .Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true,
                $"CRD {crd} Established");
        }

        var k = installed.Kubernetes;
        var ns = await k.CoreV1.ReadNamespaceAsync(Ns, cancellationToken: Ct);
        Assert.Equal("restricted", ns.Metadata.Labels["pod-security.kubernetes.io/enforce"]);
        await k.CoreV1.ReadNamespacedServiceAccountAsync(Name, Ns, cancellationToken: Ct);
        await k.RbacAuthorizationV1.ReadClusterRoleAsync(Name, cancellationToken: Ct);
        await k.RbacAuthorizationV1.ReadNamespacedRoleAsync($"{Name}-leader-election", Ns, cancellationToken: Ct);
        await k.CoreV1.ReadNamespacedServiceAsync($"{Name}-metrics", Ns, cancellationToken: Ct);
        await k.AppsV1.ReadNamespacedDeploymentAsync(Name, Ns, cancellationToken: Ct);
        Assert.Equal(
            KubernetesYaml.LoadAllFromString(installed.Rendered).Count,
            installed.ApplyOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.EndsWith(" created", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_bindings_give_the_Deployment_service_account_the_ClusterRole_and_the_leader_election_Role()
    {
        var k = installed.Kubernetes;
        var deployment = await k.AppsV1.ReadNamespacedDeploymentAsync(Name, Ns, cancellationToken: Ct);
        var account = deployment.Spec.Template.Spec.ServiceAccountName;
        Assert.Equal(Name, account);

        var clusterBinding = await k.RbacAuthorizationV1.ReadClusterRoleBindingAsync(Name, cancellationToken: Ct);
        Assert.Equal(("ClusterRole", Name), (clusterBinding.RoleRef.Kind, clusterBinding.RoleRef.Name));
        var binding = await k.RbacAuthorizationV1.ReadNamespacedRoleBindingAsync($"{Name}-leader-election", Ns, cancellationToken: Ct);
        Assert.Equal(("Role", $"{Name}-leader-election"), (binding.RoleRef.Kind, binding.RoleRef.Name));
        foreach (var subject in clusterBinding.Subjects.Concat(binding.Subjects))
        {
            Assert.Equal(("ServiceAccount", account, Ns), (subject.Kind, subject.Name, subject.NamespaceProperty));
        }
    }

    [Fact]
    public async Task The_Deployment_runs_two_hardened_replicas_with_probes_and_resources()
    {
        var deployment = await installed.Kubernetes.AppsV1.ReadNamespacedDeploymentAsync(Name, Ns, cancellationToken: Ct);
        var pod = deployment.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);

        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal($"ghcr.io/example-org/kong-identity-operator:{ReleaseVersion.Current}", container.Image);
        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal(65532, pod.SecurityContext.RunAsUser);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        var security = container.SecurityContext;
        Assert.True(security.ReadOnlyRootFilesystem);
        Assert.False(security.AllowPrivilegeEscalation);
        Assert.False(security.Privileged ?? false);
        Assert.Equal(["ALL"], security.Capabilities.Drop);
        Assert.Null(security.Capabilities.Add);

        foreach (var resource in new[] { "cpu", "memory" })
        {
            Assert.True(container.Resources.Requests[resource].ToDecimal() > 0, $"no {resource} request");
            Assert.True(container.Resources.Limits[resource].ToDecimal() >= container.Resources.Requests[resource].ToDecimal(), $"{resource} limit below request");
        }

        var port = Assert.Single(container.Ports);
        Assert.Equal(("metrics", 8080), (port.Name, port.ContainerPort));
        Assert.Equal(("/healthz", "metrics"), (container.LivenessProbe.HttpGet.Path, container.LivenessProbe.HttpGet.Port.Value));
        Assert.Equal(("/readyz", "metrics"), (container.ReadinessProbe.HttpGet.Path, container.ReadinessProbe.HttpGet.Port.Value));
    }

    [Fact]
    public async Task The_Deployment_configures_the_operator_only_through_variables_the_operator_reads()
    {
        var deployment = await installed.Kubernetes.AppsV1.ReadNamespacedDeploymentAsync(Name, Ns, cancellationToken: Ct);
        var env = Assert.Single(deployment.Spec.Template.Spec.Containers).Env.ToDictionary(e => e.Name);
        var known = new OperatorCommand().Flags.Select(o => o.EnvironmentVariable).Append("POD_NAMESPACE").ToHashSet(StringComparer.Ordinal);

        Assert.All(env.Keys.Where(name => !name.StartsWith("DOTNET_", StringComparison.Ordinal)), name => Assert.Contains(name, known));
        Assert.Equal("true", env["LEADER_ELECT"].Value);
        Assert.Equal("metadata.namespace", env["POD_NAMESPACE"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("8080", env["HTTP_PORT"].Value);

        // The default token comes from a mounted Secret (re-read when rotated), never an environment variable, and no
        // namespace may use it until an administrator lists it.
        Assert.DoesNotContain("KONNECT_TOKEN", env.Keys);
        Assert.Equal(string.Empty, env["DEFAULT_TOKEN_NAMESPACES"].Value ?? string.Empty);
        var spec = deployment.Spec.Template.Spec;
        var mount = Assert.Single(spec.Containers[0].VolumeMounts, m => m.Name == "default-token");
        Assert.True(mount.ReadOnlyProperty);
        Assert.Equal(mount.MountPath + "/token", env["KONNECT_TOKEN_FILE"].Value);
        var volume = Assert.Single(spec.Volumes, v => v.Name == "default-token");
        Assert.Equal(("konnect-default-token", true), (volume.Secret.SecretName, volume.Secret.Optional));
    }

    [Fact]
    public async Task The_metrics_Service_selects_the_operator_pods_on_the_metrics_port()
    {
        var deployment = await installed.Kubernetes.AppsV1.ReadNamespacedDeploymentAsync(Name, Ns, cancellationToken: Ct);
        var service = await installed.Kubernetes.CoreV1.ReadNamespacedServiceAsync($"{Name}-metrics", Ns, cancellationToken: Ct);

        Assert.All(service.Spec.Selector, pair => Assert.Equal(pair.Value, deployment.Spec.Template.Metadata.Labels[pair.Key]));
        Assert.All(deployment.Spec.Selector.MatchLabels, pair => Assert.Equal(pair.Value, deployment.Spec.Template.Metadata.Labels[pair.Key]));
        var port = Assert.Single(service.Spec.Ports);
        Assert.Equal(("metrics", "metrics"), (port.Name, port.TargetPort.Value));
    }

    [Fact]
    public void The_leader_election_Role_names_the_Lease_the_operator_uses()
    {
        var role = KubernetesYaml.LoadAllFromString(installed.Rendered).OfType<V1Role>().Single();

        var named = Assert.Single(role.Rules, r => r.ResourceNames is { Count: > 0 });
        Assert.Equal([OperatorServices.OperatorName + "-leader"], named.ResourceNames);
    }

    [Fact]
    public async Task Applying_again_client_side_or_server_side_changes_nothing()
    {
        var again = await installed.ApplyAsync(serverSide: false, Ct);
        var lines = again.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.EndsWith(" unchanged", line, StringComparison.Ordinal));

        var before = await installed.Kubernetes.AppsV1.ReadNamespacedDeploymentAsync(Name, Ns, cancellationToken: Ct);
        await installed.ApplyAsync(serverSide: true, Ct);
        var after = await installed.Kubernetes.AppsV1.ReadNamespacedDeploymentAsync(Name, Ns, cancellationToken: Ct);
        Assert.Equal(before.Metadata.Generation, after.Metadata.Generation);
    }

    [Fact]
    public async Task The_release_install_yaml_runs_the_tutorial_to_a_token_with_the_claim()
    {
        Assert.StartsWith($"# Kong Identity Operator {ReleaseVersion.Current}:", installed.Rendered, StringComparison.Ordinal);
        await using var konnect = await KonnectEmulator.StartAsync(new KonnectEmulatorOptions { Tokens = [DeploySandbox.SampleToken], SeedTutorial = true }, Ct);
        await using var instance = await OperatorInstance.StartAsDeployedAsync(installed.Configuration, konnect.BaseAddress, Ns, [], Ct);

        await Kubectl.SucceedAsync(["apply", "-k", RepositoryRoot.Combine("config", "samples"), "--kubeconfig", installed.KubeconfigPath], null, Ct);
        var wait = await Kubectl.RunAsync(
            ["wait", "--for=condition=Ready", "--timeout=90s", "-n", "default", "--kubeconfig", installed.KubeconfigPath,
             "authservers,scopes,claims,clients,upstreamoauthpolicies", "--all"],
            null,
            Ct);
        Assert.True(wait.ExitCode == 0, $"kubectl wait: {wait.Error}\n{wait.Output}");

        var secret = await installed.Kubernetes.CoreV1.ReadNamespacedSecretAsync("appointments-client-credentials", "default", cancellationToken: Ct);
        var credentials = secret.Data.ToDictionary(d => d.Key, d => System.Text.Encoding.UTF8.GetString(d.Value));
        var (claims, error) = await TokenClient.RequestAsync(credentials, "my-scope", TestContext.Current.CancellationToken);
        Assert.Null(error);
        Assert.Equal("test", claims!["test-claim"]!.GetValue<string>());
        Assert.Equal(credentials["client_id"], Assert.Single(konnect.Snapshot().AllPlugins).Config.GetProperty("oauth").GetProperty("client_id").GetString());

        await Kubectl.SucceedAsync(["delete", "-k", RepositoryRoot.Combine("config", "samples"), "--kubeconfig", installed.KubeconfigPath, "--wait=true", "--timeout=90s"], null, Ct);
        Assert.Empty(konnect.Snapshot().AuthServers);
    }
}
