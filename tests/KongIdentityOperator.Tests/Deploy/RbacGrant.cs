namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// One rule of a Role or ClusterRole as bound to the operator's ServiceAccount: where it applies (a namespace, or
/// null for every namespace and cluster-scoped objects through a ClusterRoleBinding) and what it allows.
/// </summary>
internal sealed record RbacGrant(
    string Source,
    string? Namespace,
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ResourceNames)
{
    /// <summary>The API server's RBAC rule match (rbac/v1 <c>RuleAllows</c>), including the binding's namespace.</summary>
    public bool Allows(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return (Namespace is null || Namespace == call.Namespace)
            && Matches(Verbs, call.Verb)
            && Matches(ApiGroups, call.Group)
            && ResourceMatches(call)
            && (ResourceNames.Count == 0 || (call.Name.Length > 0 && ResourceNames.Contains(call.Name, StringComparer.Ordinal)));
    }

    /// <summary>Every (group, verb, resource) this grant names, one by one, for the "is it used?" check.</summary>
    public IEnumerable<RbacPermission> Permissions =>
        from g in ApiGroups from v in Verbs from r in Resources select new RbacPermission(this, g, v, r);

    public override string ToString() =>
        $"{Source}: apiGroups [{string.Join(", ", ApiGroups)}] resources [{string.Join(", ", Resources)}] verbs [{string.Join(", ", Verbs)}]"
        + (ResourceNames.Count == 0 ? string.Empty : $" resourceNames [{string.Join(", ", ResourceNames)}]")
        + (Namespace is null ? " (cluster-wide)" : $" (in {Namespace})");

    private static bool Matches(IReadOnlyList<string> allowed, string value) =>
        allowed.Contains("*", StringComparer.Ordinal) || allowed.Contains(value, StringComparer.Ordinal);

    private bool ResourceMatches(ApiCall call) =>
        Resources.Any(r => r == "*"
            || r == call.QualifiedResource
            || (call.Subresource.Length > 0 && r == $"*/{call.Subresource}"));
}
