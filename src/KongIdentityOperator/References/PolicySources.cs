using KongIdentityOperator.Konnect;

namespace KongIdentityOperator.References;

/// <summary>
/// What an UpstreamOAuthPolicy takes from the cluster: the Konnect connection, the client's credentials and their
/// version, the token endpoint and the scope names. Never shows the secret.
/// </summary>
internal sealed record PolicySources(
    KonnectConnection Connection,
    string ClientId,
    string ClientSecret,
    string CredentialsVersion,
    string TokenEndpoint,
    IReadOnlyList<string> ScopeNames)
{
    public override string ToString() => $"PolicySources {{ ClientId = {ClientId}, ClientSecret = ***, CredentialsVersion = {CredentialsVersion}, TokenEndpoint = {TokenEndpoint} }}";
}
