namespace KongIdentityOperator.Tests.Deploy;

/// <summary>One verb on one resource of one API group that a grant allows.</summary>
internal sealed record RbacPermission(RbacGrant Grant, string Group, string Verb, string Resource)
{
    /// <summary>A wildcard allows more than any single code path can use.</summary>
    public bool IsWildcard => Group == "*" || Verb == "*" || Resource.Contains('*', StringComparison.Ordinal);

    /// <summary>Whether <paramref name="call"/> is a use of exactly this permission.</summary>
    public bool IsUsedBy(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Group == Group && call.Verb == Verb && call.QualifiedResource == Resource && Grant.Allows(call);
    }

    public override string ToString() => $"{Verb} {(Group.Length == 0 ? "core" : Group)}/{Resource} from {Grant}";
}
