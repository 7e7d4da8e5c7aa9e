using System.Text;
using k8s.Models;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Connections;

/// <summary>
/// Turns an object's <c>spec.konnect</c> into a server URL and token: the operator's server override, else the
/// object's serverURL, else its region (default: the operator's); the token from the named Secret in the object's
/// namespace (read from the informer cache), else the operator's default token.
/// </summary>
internal sealed class KonnectConnectionResolver(OperatorOptions options, IEntityCache<V1Secret> secrets)
{
    public const string DefaultTokenKey = "token";

    public ConnectionResult Resolve(string @namespace, KonnectSettings? settings)
    {
        var server = options.KonnectServerUrl
            ?? (settings?.ServerUrl is { } url ? new Uri(url) : KonnectRegions.ServerUrlFor(settings?.Region is { } region ? Mapping.WireNames.Of(region) : options.KonnectRegion));

        if (settings?.TokenSecretRef is { } reference)
        {
            var key = reference.Key ?? DefaultTokenKey;
            var secret = secrets.Get(@namespace, reference.Name);
            if (secret is null)
            {
                return ConnectionResult.Failed(ReconcileOutcome.Progressing(
                    ConditionReasons.WaitingForRef, $"Waiting for Secret {reference.Name} with the Konnect token (spec.konnect.tokenSecretRef)."));
            }

            var token = Value(secret, key);
            return string.IsNullOrWhiteSpace(token)
                ? ConnectionResult.Failed(ReconcileOutcome.Stalled(
                    ConditionReasons.SecretKeyMissing, $"Secret {reference.Name} has no non-empty key '{key}' with the Konnect token."))
                : ConnectionResult.Ok(new KonnectConnection(server, token.Trim()));
        }

        return string.IsNullOrWhiteSpace(options.KonnectToken)
            ? ConnectionResult.Failed(ReconcileOutcome.Stalled(
                ConditionReasons.InvalidSpec, "No Konnect token: set spec.konnect.tokenSecretRef, or start the operator with --konnect-token (KONNECT_TOKEN)."))
            : ConnectionResult.Ok(new KonnectConnection(server, options.KonnectToken));
    }

    internal static string? Value(V1Secret secret, string key)
    {
        if (secret.Data?.TryGetValue(key, out var bytes) == true && bytes is not null)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        return secret.StringData?.TryGetValue(key, out var text) == true ? text : null;
    }
}
