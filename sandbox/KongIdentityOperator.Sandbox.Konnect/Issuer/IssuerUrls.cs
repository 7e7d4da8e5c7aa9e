namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>
/// Issuer URLs served by this process: <c>http://127.0.0.1:&lt;P&gt;/_issuer/&lt;key&gt;/auth</c>, mirroring
/// <c>https://&lt;key&gt;.&lt;region&gt;.identity.konghq.com/auth</c>. The port is known only once Kestrel listens.
/// </summary>
internal sealed class IssuerUrls
{
    public const string PathPrefix = "/_issuer";

    public Uri BaseAddress { get; set; } = new("http://127.0.0.1/");

    public string Issuer(string issuerKey) => new Uri(BaseAddress, $"_issuer/{issuerKey}/auth").ToString();

    public string MetadataUri(string issuerKey) => Issuer(issuerKey) + "/.well-known/openid-configuration";

    public string JwksUri(string issuerKey) => Issuer(issuerKey) + "/.well-known/jwks";

    public string TokenEndpoint(string issuerKey) => Issuer(issuerKey) + "/oauth/token";
}
