using System.Text.Json.Serialization;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>The <c>Client</c> schema; <see cref="ClientSecret"/> is set only in the POST 201 (<c>CreatedClient</c>).</summary>
internal sealed record ClientResponse(
    string Id,
    string Name,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> ResponseTypes,
    IReadOnlyList<string> RedirectUris,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LoginUri,
    int AccessTokenDuration,
    int IdTokenDuration,
    bool AllowAllScopes,
    IReadOnlyList<Guid> AllowScopes,
    IReadOnlyDictionary<string, string> Labels,
    string TokenEndpointAuthMethod,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public string? ClientSecret { get; init; }

    public static ClientResponse From(Client client, string? secret = null) => new(
        client.Id,
        client.Name,
        client.GrantTypes,
        client.ResponseTypes,
        client.RedirectUris,
        client.LoginUri,
        client.AccessTokenDuration,
        client.IdTokenDuration,
        client.AllowAllScopes,
        client.AllowScopes,
        client.Labels,
        client.TokenEndpointAuthMethod,
        client.CreatedAt.UtcDateTime,
        client.UpdatedAt.UtcDateTime)
    {
        ClientSecret = secret,
    };

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Name = ").Append(Name).Append(", ClientSecret = ").Append(ClientSecret is null ? "null" : "***");
        return true;
    }
}
