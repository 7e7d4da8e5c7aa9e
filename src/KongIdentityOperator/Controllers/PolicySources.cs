using KongIdentityOperator.Konnect;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Controllers;

/// <summary>
/// What an UpstreamOAuthPolicy takes from the cluster: the Konnect connection, the client's credentials and their
/// version, the token endpoint and the scope names — or why they are not there yet. Never shows the secret.
/// </summary>
internal sealed record PolicySources(
    KonnectConnection? Connection,
    string ClientId,
    string ClientSecret,
    string CredentialsVersion,
    string TokenEndpoint,
    IReadOnlyList<string> ScopeNames,
    ReconcileOutcome? Problem)
{
    public static PolicySources Failed(ReconcileOutcome problem) => new(null, string.Empty, string.Empty, string.Empty, string.Empty, [], problem);

    public override string ToString() => $"PolicySources {{ ClientId = {ClientId}, ClientSecret = ***, CredentialsVersion = {CredentialsVersion}, TokenEndpoint = {TokenEndpoint}, Problem = {Problem} }}";
}
