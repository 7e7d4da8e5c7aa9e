namespace KongIdentityOperator.Sandbox.KubeApi;

/// <summary>
/// One request the server answered, classified like the real server's audit log: the Kubernetes verb (get, list,
/// watch, create, update, patch, delete, deletecollection), group, version, resource (plural), namespace, name and
/// subresource. Non-resource requests (discovery, OpenAPI) have an empty resource and the HTTP method as verb.
/// </summary>
public sealed record RequestLogEntry(
    string Verb,
    string Group,
    string Version,
    string Resource,
    string Namespace,
    string Name,
    string Subresource,
    string UserAgent,
    int StatusCode)
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public required string Query { get; init; }

    /// <summary>The request's Content-Type (tells a merge patch from a strategic merge or apply patch).</summary>
    public string? ContentType { get; init; }

    public DateTimeOffset Time { get; init; }
}
