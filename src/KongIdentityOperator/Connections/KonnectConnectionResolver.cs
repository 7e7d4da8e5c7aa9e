using System.Text;
using k8s.Models;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Connections;

/// <summary>
/// Turns an object's <c>spec.konnect</c> into a server URL and token, and refuses what a namespace must not borrow:
/// a server that is not allowed (no request is made at all), the default token outside the namespaces it is granted
/// to, and a token Secret that is not offered to the operator. The server: the operator's override, else the
/// object's serverURL, else its region (default: the operator's). The token: the offered Secret named by
/// tokenSecretRef in the object's namespace (from the informer cache), else the default token where granted.
/// </summary>
internal sealed class KonnectConnectionResolver(
    OperatorOptions options, AllowedServers allowed, DefaultTokenSource defaultToken, IEntityCache<V1Secret> secrets)
{
    public const string DefaultTokenKey = "token";

    public ConnectionResult Resolve(string @namespace, KonnectSettings? settings)
    {
        if (Server(settings) is not { } server)
        {
            return ConnectionResult.Failed(ReconcileOutcome.Stalled(
                ConditionReasons.ServerNotAllowed,
                $"Konnect server {Describe(settings?.ServerUrl)} is not allowed; no request was made. The operator calls only the servers of --allowed-konnect-servers (ALLOWED_KONNECT_SERVERS): {allowed}."));
        }

        if (settings?.TokenSecretRef is { } reference)
        {
            var key = reference.Key ?? DefaultTokenKey;
            var secret = secrets.Get(@namespace, reference.Name);
            if (secret is null)
            {
                return ConnectionResult.Failed(ReferenceableSecret.NotSeen(reference.Name, "the Konnect token", "spec.konnect.tokenSecretRef"));
            }

            if (!ReferenceableSecret.IsOffered(secret))
            {
                return ConnectionResult.Failed(ReferenceableSecret.NotOffered(reference.Name, "spec.konnect.tokenSecretRef"));
            }

            var token = Value(secret, key);
            return string.IsNullOrWhiteSpace(token)
                ? ConnectionResult.Failed(ReconcileOutcome.Stalled(
                    ConditionReasons.SecretKeyMissing, $"Secret {reference.Name} has no non-empty key '{key}' with the Konnect token."))
                : ConnectionResult.Ok(new KonnectConnection(server, token.Trim()));
        }

        if (!options.DefaultTokenNamespaces.Includes(@namespace))
        {
            return ConnectionResult.Failed(ReconcileOutcome.Stalled(
                ConditionReasons.DefaultTokenNotAllowed,
                $"Namespace {@namespace} may not use the operator's default Konnect token. Bring a token: set spec.konnect.tokenSecretRef to a Secret labelled {ReferenceableSecret.Label}: \"true\" (a system-account token of your team), or ask the operator's administrator to add {@namespace} to --default-token-namespaces (DEFAULT_TOKEN_NAMESPACES)."));
        }

        return defaultToken.Current() is { } defaultValue
            ? ConnectionResult.Ok(new KonnectConnection(server, defaultValue))
            : ConnectionResult.Failed(ReconcileOutcome.Stalled(
                ConditionReasons.InvalidSpec,
                $"No Konnect token: set spec.konnect.tokenSecretRef, or give the operator a default token with --konnect-token-file (KONNECT_TOKEN_FILE) or --konnect-token (KONNECT_TOKEN); {defaultToken.Origin} holds none."));
    }

    /// <summary>The server an object's calls go to, or null when it is not allowed.</summary>
    private Uri? Server(KonnectSettings? settings)
    {
        if (settings?.ServerUrl is { } text)
        {
            // The override does not redirect an explicit serverURL: it must be the override itself.
            return Uri.TryCreate(text, UriKind.Absolute, out var url) && allowed.Allows(url) ? url : null;
        }

        var server = options.KonnectServerUrl
            ?? KonnectRegions.ServerUrlFor(settings?.Region is { } region ? Mapping.WireNames.Of(region) : options.KonnectRegion);
        return allowed.Allows(server) ? server : null;
    }

    /// <summary>The server as a message may show it: never user info, a query or a fragment (they could hold a credential).</summary>
    private static string Describe(string? serverUrl) =>
        serverUrl is null ? "(from spec.konnect.region)"
        : Uri.TryCreate(serverUrl, UriKind.Absolute, out var url) && url.Host.Length > 0 ? $"{url.Scheme}://{url.Authority}{url.AbsolutePath}"
        : "(spec.konnect.serverURL is not a URL)";

    internal static string? Value(V1Secret secret, string key)
    {
        if (secret.Data?.TryGetValue(key, out var bytes) == true && bytes is not null)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        return secret.StringData?.TryGetValue(key, out var text) == true ? text : null;
    }
}
