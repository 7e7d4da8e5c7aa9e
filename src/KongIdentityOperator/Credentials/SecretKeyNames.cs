using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Credentials;

/// <summary>The key names of a Client's credentials Secret, with the defaults applied.</summary>
internal sealed record SecretKeyNames(string ClientId, string ClientSecret, string Issuer, string TokenEndpoint, string Scopes, string Audience)
{
    public static SecretKeyNames For(Client client)
    {
        var keys = client.Spec.Secret?.Keys;
        return new(
            keys?.ClientId ?? "client_id",
            keys?.ClientSecret ?? "client_secret",
            keys?.Issuer ?? "issuer",
            keys?.TokenEndpoint ?? "token_endpoint",
            keys?.Scopes ?? "scopes",
            keys?.Audience ?? "audience");
    }

    public static string SecretName(Client client) => client.Spec.Secret?.Name ?? $"{client.Metadata.Name}-credentials";
}
