using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// What a ServiceAccount may do according to a set of RBAC manifests: the rules of every Role and ClusterRole bound
/// to it, each scoped as the API server scopes it (a RoleBinding grants only in its own namespace, a
/// ClusterRoleBinding everywhere).
/// </summary>
internal sealed class RbacPolicy
{
    private RbacPolicy(IReadOnlyList<RbacGrant> grants, IReadOnlyList<string> unboundRoles)
    {
        Grants = grants;
        UnboundRoles = unboundRoles;
    }

    public IReadOnlyList<RbacGrant> Grants { get; }

    /// <summary>Roles and ClusterRoles in the manifests that grant the ServiceAccount nothing (dead configuration).</summary>
    public IReadOnlyList<string> UnboundRoles { get; }

    /// <summary>Reads the files a kustomization lists under <c>resources</c>, i.e. what <c>kubectl apply -k</c> installs.</summary>
    public static RbacPolicy LoadKustomization(string directory, string serviceAccountNamespace, string serviceAccountName)
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(Path.Combine(directory, "kustomization.yaml"))))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var files = ((YamlSequenceNode)root.Children[new YamlScalarNode("resources")]).Children.Select(n => ((YamlScalarNode)n).Value!);
        var objects = files.SelectMany(file => KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(directory, file))));
        return From(objects, serviceAccountNamespace, serviceAccountName);
    }

    public static RbacPolicy From(IEnumerable<object> objects, string serviceAccountNamespace, string serviceAccountName)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var all = objects.ToList();
        var roles = all.OfType<V1Role>().ToDictionary(r => (r.Metadata.NamespaceProperty, r.Metadata.Name));
        var clusterRoles = all.OfType<V1ClusterRole>().ToDictionary(r => r.Metadata.Name);
        var grants = new List<RbacGrant>();
        var bound = new HashSet<string>(StringComparer.Ordinal);

        bool BindsAccount(IList<Rbacv1Subject>? subjects, string? bindingNamespace) =>
            subjects?.Any(s => s.Kind == "ServiceAccount" && s.Name == serviceAccountName
                && (s.NamespaceProperty ?? bindingNamespace) == serviceAccountNamespace) == true;

        foreach (var binding in all.OfType<V1ClusterRoleBinding>().Where(b => BindsAccount(b.Subjects, null)))
        {
            if (binding.RoleRef.Kind == "ClusterRole" && clusterRoles.TryGetValue(binding.RoleRef.Name, out var role))
            {
                bound.Add($"ClusterRole {role.Metadata.Name}");
                grants.AddRange(GrantsOf($"ClusterRole {role.Metadata.Name}", null, role.Rules));
            }
        }

        foreach (var binding in all.OfType<V1RoleBinding>().Where(b => BindsAccount(b.Subjects, b.Metadata.NamespaceProperty)))
        {
            var ns = binding.Metadata.NamespaceProperty;
            if (binding.RoleRef.Kind == "Role" && roles.TryGetValue((ns, binding.RoleRef.Name), out var role))
            {
                bound.Add($"Role {ns}/{role.Metadata.Name}");
                grants.AddRange(GrantsOf($"Role {ns}/{role.Metadata.Name}", ns, role.Rules));
            }
            else if (binding.RoleRef.Kind == "ClusterRole" && clusterRoles.TryGetValue(binding.RoleRef.Name, out var clusterRole))
            {
                bound.Add($"ClusterRole {clusterRole.Metadata.Name}");
                grants.AddRange(GrantsOf($"ClusterRole {clusterRole.Metadata.Name} in {ns}", ns, clusterRole.Rules));
            }
        }

        var unbound = roles.Values.Select(r => $"Role {r.Metadata.NamespaceProperty}/{r.Metadata.Name}")
            .Concat(clusterRoles.Values.Select(r => $"ClusterRole {r.Metadata.Name}"))
            .Where(name => !bound.Contains(name))
            .ToList();
        return new RbacPolicy(grants, unbound);
    }

    public bool Allows(ApiCall call) => Grants.Any(g => g.Allows(call));

    /// <summary>Every (grant, group, verb, resource) that none of <paramref name="calls"/> used, wildcards included.</summary>
    public IReadOnlyList<RbacPermission> UnusedPermissions(IReadOnlyCollection<ApiCall> calls) =>
        [.. Grants.SelectMany(g => g.Permissions).Where(p => p.IsWildcard || !calls.Any(p.IsUsedBy))];

    private static IEnumerable<RbacGrant> GrantsOf(string source, string? @namespace, IList<V1PolicyRule>? rules) =>
        (rules ?? []).Select((rule, index) => new RbacGrant(
            $"{source} rule {index + 1}",
            @namespace,
            [.. rule.ApiGroups ?? []],
            [.. rule.Resources ?? []],
            [.. rule.Verbs ?? []],
            [.. rule.ResourceNames ?? []]));
}
