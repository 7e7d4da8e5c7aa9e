using k8s.Models;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>The RBAC evaluation behind <see cref="RbacTests"/> follows the API server's rules, so its verdicts can be trusted.</summary>
public sealed class RbacPolicyTests
{
    private const string Ns = "ops";
    private const string Account = "robot";

    [Fact]
    public void A_Role_grants_only_in_its_own_namespace_and_a_ClusterRoleBinding_everywhere()
    {
        var policy = RbacPolicy.From(
            [
                Role("lease-role", Rule("coordination.k8s.io", "leases", "get")),
                RoleBinding("lease-role", "Role"),
                ClusterRole("reader", Rule(string.Empty, "secrets", "list")),
                ClusterRoleBinding("reader"),
            ],
            Ns,
            Account);

        Assert.True(policy.Allows(Call("get", "coordination.k8s.io", "leases", Ns, "x")));
        Assert.False(policy.Allows(Call("get", "coordination.k8s.io", "leases", "elsewhere", "x")));
        Assert.True(policy.Allows(Call("list", string.Empty, "secrets", string.Empty)));
        Assert.True(policy.Allows(Call("list", string.Empty, "secrets", "elsewhere")));
        Assert.False(policy.Allows(Call("watch", string.Empty, "secrets", string.Empty)));
    }

    [Fact]
    public void A_RoleBinding_to_a_ClusterRole_grants_only_in_the_binding_namespace()
    {
        var policy = RbacPolicy.From([ClusterRole("reader", Rule(string.Empty, "secrets", "get")), RoleBinding("reader", "ClusterRole")], Ns, Account);

        Assert.True(policy.Allows(Call("get", string.Empty, "secrets", Ns, "s")));
        Assert.False(policy.Allows(Call("get", string.Empty, "secrets", "elsewhere", "s")));
    }

    [Fact]
    public void ResourceNames_allow_only_named_objects_so_they_cannot_cover_create_or_list()
    {
        var rule = Rule("coordination.k8s.io", "leases", "get", "create", "list");
        rule.ResourceNames = ["leader"];
        var policy = RbacPolicy.From([ClusterRole("named", rule), ClusterRoleBinding("named")], Ns, Account);

        Assert.True(policy.Allows(Call("get", "coordination.k8s.io", "leases", Ns, "leader")));
        Assert.False(policy.Allows(Call("get", "coordination.k8s.io", "leases", Ns, "other")));
        Assert.False(policy.Allows(Call("create", "coordination.k8s.io", "leases", Ns)));
        Assert.False(policy.Allows(Call("list", "coordination.k8s.io", "leases", Ns)));
    }

    [Fact]
    public void A_subresource_needs_its_own_rule()
    {
        var policy = RbacPolicy.From([ClusterRole("status", Rule("g", "things/status", "update")), ClusterRoleBinding("status")], Ns, Account);

        Assert.True(policy.Allows(new ApiCall("update", "g", "things", "status", Ns, "a")));
        Assert.False(policy.Allows(new ApiCall("update", "g", "things", string.Empty, Ns, "a")));
        Assert.False(policy.Allows(new ApiCall("update", "g", "things", "finalizers", Ns, "a")));
    }

    [Fact]
    public void Bindings_for_other_accounts_or_namespaces_grant_nothing_and_leave_the_role_unbound()
    {
        var otherAccount = RoleBinding("lease-role", "Role");
        otherAccount.Subjects[0].Name = "someone-else";
        var policy = RbacPolicy.From([Role("lease-role", Rule("coordination.k8s.io", "leases", "get")), otherAccount], Ns, Account);

        Assert.Empty(policy.Grants);
        Assert.Equal(["Role ops/lease-role"], policy.UnboundRoles);
    }

    [Fact]
    public void Every_permission_no_call_used_is_reported_and_wildcards_always_are()
    {
        var policy = RbacPolicy.From(
            [ClusterRole("mixed", Rule(string.Empty, "secrets", "get", "delete"), Rule("g", "*", "list")), ClusterRoleBinding("mixed")],
            Ns,
            Account);

        var unused = policy.UnusedPermissions([Call("get", string.Empty, "secrets", Ns, "s"), Call("list", "g", "things", string.Empty)]);

        Assert.Equal(["delete core/secrets", "list g/*"], unused.Select(p => $"{p.Verb} {(p.Group.Length == 0 ? "core" : p.Group)}/{p.Resource}"));
    }

    [Fact]
    public void Config_rbac_binds_every_role_it_defines_to_the_operator_account_and_grants_no_wildcards()
    {
        var policy = RbacPolicy.LoadKustomization(RepositoryRoot.Combine("config", "rbac"), RepresentativeRun.OperatorNamespace, "kong-identity-operator");

        Assert.Empty(policy.UnboundRoles);
        Assert.NotEmpty(policy.Grants);
        Assert.DoesNotContain(policy.Grants.SelectMany(g => g.Permissions), p => p.IsWildcard);
        Assert.All(policy.Grants.Where(g => g.Namespace is not null), g => Assert.Equal(RepresentativeRun.OperatorNamespace, g.Namespace));
    }

    private static ApiCall Call(string verb, string group, string resource, string @namespace, string name = "") =>
        new(verb, group, resource, string.Empty, @namespace, name);

    private static V1PolicyRule Rule(string group, string resource, params string[] verbs) =>
        new() { ApiGroups = [group], Resources = [resource], Verbs = verbs };

    private static V1Role Role(string name, params V1PolicyRule[] rules) =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns }, Rules = rules };

    private static V1ClusterRole ClusterRole(string name, params V1PolicyRule[] rules) =>
        new() { Metadata = new V1ObjectMeta { Name = name }, Rules = rules };

    private static V1RoleBinding RoleBinding(string role, string kind) => new()
    {
        Metadata = new V1ObjectMeta { Name = role, NamespaceProperty = Ns },
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = kind, Name = role },
        Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = Account, NamespaceProperty = Ns }],
    };

    private static V1ClusterRoleBinding ClusterRoleBinding(string role) => new()
    {
        Metadata = new V1ObjectMeta { Name = role },
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = role },
        Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = Account, NamespaceProperty = Ns }],
    };
}
