namespace KongIdentityOperator.Chaos.BadInput;

/// <summary>
/// A manifest the API server accepts and the operator cannot act on: it must end in the expected condition
/// (<paramref name="ConditionType"/>=<paramref name="Status"/>, <paramref name="Reason"/>, a message containing
/// <paramref name="MessagePart"/>), make no Konnect write, and cost a bounded number of Konnect calls.
/// </summary>
/// <param name="Resource">The bad object's resource (plural), e.g. <c>clients</c>.</param>
/// <param name="Arrange">What the case needs first (Ready helpers, foreign Secrets, objects in Konnect), in its namespace.</param>
/// <param name="Manifest">The bad object (namespace added by the suite).</param>
/// <param name="NoKonnectCalls">The operator can tell from the cluster alone: not a single Konnect call is allowed.</param>
/// <param name="Verify">Further checks once the condition is reached; returns what is wrong.</param>
internal sealed record StalledCase(
    string Name,
    string Resource,
    string ObjectName,
    string ConditionType,
    string Status,
    string Reason,
    string MessagePart,
    Func<StalledContext, Task> Arrange,
    Func<StalledContext, string> Manifest,
    bool NoKonnectCalls,
    Func<StalledContext, Task<IReadOnlyList<string>>>? Verify = null)
{
    /// <summary>
    /// Whether a Konnect call (by path) can be this kind's: a case's Ready helpers share its token, so calls are
    /// attributed by token and by the part of the API the kind uses.
    /// </summary>
    public bool IsMine(string path) => Resource switch
    {
        "authservers" => path == "/v1/auth-servers" || (path.StartsWith("/v1/auth-servers/", StringComparison.Ordinal) && path.Count(ch => ch == '/') == 3),
        "scopes" => path.Contains("/scopes", StringComparison.Ordinal),
        "claims" => path.Contains("/claims", StringComparison.Ordinal),
        "clients" => path.Contains("/clients", StringComparison.Ordinal),
        "upstreamoauthpolicies" => path.StartsWith("/v2/", StringComparison.Ordinal),
        _ => throw new InvalidOperationException($"unknown resource {Resource}"),
    };

    public override string ToString() => Name;
}
