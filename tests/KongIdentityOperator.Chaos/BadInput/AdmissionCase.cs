namespace KongIdentityOperator.Chaos.BadInput;

/// <summary>
/// A manifest the API server must refuse: the object <paramref name="Yaml"/> itself, or — with
/// <paramref name="Patch"/> — a JSON merge patch of that (valid) object. The refusal must name
/// <paramref name="Field"/> and say <paramref name="Reason"/>.
/// </summary>
internal sealed record AdmissionCase(string Name, string Yaml, string Field, string Reason, string? Patch = null, bool StrictFields = false)
{
    /// <summary>The plural resource name, from the manifest's kind.</summary>
    public string Plural => Kind switch
    {
        "AuthServer" => "authservers",
        "Scope" => "scopes",
        "Claim" => "claims",
        "Client" => "clients",
        "UpstreamOAuthPolicy" => "upstreamoauthpolicies",
        _ => throw new InvalidOperationException($"unknown kind {Kind}"),
    };

    public string Kind => Yaml.Split('\n').First(l => l.StartsWith("kind:", StringComparison.Ordinal))["kind:".Length..].Trim();

    public override string ToString() => Name;
}
