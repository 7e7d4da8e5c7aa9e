using KongIdentityOperator.Connections;
using KongIdentityOperator.Credentials;
using KongIdentityOperator.Runtime.Builder;

namespace KongIdentityOperator.Hosting;

/// <summary>
/// The only Secrets the operator lists, watches and caches: those offered to it (<c>identity.konghq.com/referenceable:
/// "true"</c>: Konnect tokens, brought-your-own client secrets) and the credentials Secrets it writes itself (labelled
/// <c>app.kubernetes.io/managed-by: kong-identity-operator</c> by every version). A label selector ANDs its terms, so
/// the two are two list+watches per namespace merged into one cache; no other Secret is ever returned to it.
/// </summary>
internal static class CachedSecrets
{
    public static readonly IReadOnlyList<string> Selectors =
    [
        $"{ReferenceableSecret.Label}=true",
        $"{CredentialAnnotations.ManagedByLabel}={CredentialAnnotations.ManagedByValue}",
    ];

    /// <summary>A secondary watch of Secrets: the selected ones, with their data cached for the controllers.</summary>
    public static void Watch(WatchOptions options)
    {
        options.KeepCache = true;
        Select(options.AnyOfLabelSelectors);
    }

    public static void Select(ICollection<string> selectors)
    {
        foreach (var selector in Selectors)
        {
            selectors.Add(selector);
        }
    }
}
