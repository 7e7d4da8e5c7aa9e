namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>
/// A request as the real server's RequestInfoFactory sees it: the Kubernetes verb and, for resource requests,
/// group, version, namespace, resource, name and subresource.
/// </summary>
internal sealed record RequestInfo(
    bool IsResourceRequest,
    string Verb,
    string Group,
    string Version,
    string Namespace,
    string Resource,
    string Name,
    string Subresource)
{
    public static RequestInfo NonResource(string method) =>
        new(false, method.ToLowerInvariant(), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    public bool IsWrite => Verb is "create" or "update" or "patch" or "delete" or "deletecollection";
}
