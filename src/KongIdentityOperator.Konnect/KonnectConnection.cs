namespace KongIdentityOperator.Konnect;

/// <summary>
/// Where and as whom to call Konnect: a server URL (e.g. <c>https://us.api.konghq.com</c>) and a personal or
/// system-account access token. Different objects may use different connections.
/// </summary>
/// <remarks><see cref="ToString"/> never prints the token.</remarks>
public sealed record KonnectConnection
{
    /// <summary>Creates a connection.</summary>
    /// <param name="serverUrl">Absolute http(s) URL of the Konnect API, without the <c>/v1</c> or <c>/v2</c> part.</param>
    /// <param name="token">The Bearer token (<c>kpat_…</c> or <c>spat_…</c>).</param>
    public KonnectConnection(Uri serverUrl, string token)
    {
        ArgumentNullException.ThrowIfNull(serverUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        if (!serverUrl.IsAbsoluteUri || (serverUrl.Scheme != Uri.UriSchemeHttps && serverUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The Konnect server URL must be an absolute http or https URL.", nameof(serverUrl));
        }

        ServerUrl = serverUrl;
        Token = token;
    }

    /// <summary>Absolute URL of the Konnect API (API paths such as <c>/v1/auth-servers</c> are appended to it).</summary>
    public Uri ServerUrl { get; }

    /// <summary>The Bearer token. Secret: never log it.</summary>
    public string Token { get; }

    /// <summary>Creates a connection to a Konnect region (us, eu, au, me, in, sg).</summary>
    public static KonnectConnection ForRegion(string region, string token) => new(KonnectRegions.ServerUrlFor(region), token);

    /// <inheritdoc />
    public override string ToString() => $"KonnectConnection {{ ServerUrl = {ServerUrl}, Token = *** }}";
}
