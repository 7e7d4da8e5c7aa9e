using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>
/// The documented token-request rate per auth server (<see cref="KonnectEmulatorLimits.MaxTokenRequestsPerSecond"/>):
/// a fixed window per whole second of the emulator's clock. Every request to a known issuer's token endpoint counts,
/// whether or not it gets a token, because the limit is on requests rather than on tokens issued.
/// </summary>
internal sealed class TokenRateLimiter(EmulatorStore store)
{
    /// <summary>The window is one second, so the next one always starts within a second.</summary>
    private const int RetryAfterSeconds = 1;

    /// <summary>Counts a token request for the issuer; 404 for an unknown issuer, 429 beyond the limit.</summary>
    public void Admit(string issuerKey)
    {
        lock (store.Gate)
        {
            if (!store.IssuerKeys.TryGetValue(issuerKey, out var id) || !store.AuthServers.TryGetValue(id, out var node))
            {
                throw new OAuthException(404, "not_found", "Unknown issuer.");
            }

            var limit = store.Limits.MaxTokenRequestsPerSecond;
            if (node.CountTokenRequest(store.Now.ToUnixTimeSeconds()) > limit)
            {
                throw OAuthException.RateLimited(limit, RetryAfterSeconds);
            }
        }
    }
}
