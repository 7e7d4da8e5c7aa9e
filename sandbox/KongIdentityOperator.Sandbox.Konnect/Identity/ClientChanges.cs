using System.Collections.Immutable;
using KongIdentityOperator.Sandbox.Konnect.Http;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>The fields a client write sets (null = not given). The secret value is never printed.</summary>
internal sealed record ClientChanges(
    string? Id,
    string? Name,
    string? ClientSecret,
    ImmutableArray<string>? GrantTypes,
    ImmutableArray<string>? ResponseTypes,
    ImmutableArray<string>? RedirectUris,
    bool HasLoginUri,
    string? LoginUri,
    int? AccessTokenDuration,
    int? IdTokenDuration,
    bool? AllowAllScopes,
    ImmutableArray<Guid>? AllowScopes,
    LabelsPatch? Labels,
    string? TokenEndpointAuthMethod)
{
    public static ClientChanges Read(JsonBodyReader body, ClientWriteMode mode)
    {
        var required = mode != ClientWriteMode.Patch;
        var id = mode == ClientWriteMode.Create ? body.String("id", minLength: 1) : null;
        if (id is not null)
        {
            CheckClientId(id, body.Field("id"), "body").ForEach(body.Fail);
        }

        var changes = new ClientChanges(
            id,
            body.String("name", required: required, minLength: 1),
            body.String("client_secret", required: mode == ClientWriteMode.Replace, minLength: 1),
            body.EnumArray("grant_types", IdentityRules.GrantTypes, required: required),
            body.EnumArray("response_types", IdentityRules.ResponseTypes, required: required, unique: false),
            body.UriArray("redirect_uris", httpsOnly: true),
            body.Has("login_uri"),
            body.Uri("login_uri", nullable: true, httpsOnly: true),
            body.Integer("access_token_duration", IdentityRules.MinTokenDuration, IdentityRules.MaxTokenDuration),
            body.Integer("id_token_duration", IdentityRules.MinTokenDuration, IdentityRules.MaxTokenDuration),
            body.Boolean("allow_all_scopes"),
            body.UuidArray("allow_scopes", unique: true),
            mode == ClientWriteMode.Patch ? body.LabelsPatch("labels") : ToPatch(body.Labels("labels")),
            body.Enum("token_endpoint_auth_method", IdentityRules.TokenEndpointAuthMethods));
        if (changes.RedirectUris is { } uris && uris.Any(u => u.Contains('#', StringComparison.Ordinal)))
        {
            body.Fail(new InvalidParameter(body.Field("redirect_uris"), "invalid", "redirect URIs must not include a fragment"));
        }

        body.ThrowIfInvalid();
        return changes;
    }

    /// <summary>Client id rules: 1-36 characters matching <c>[-_\w]+</c>.</summary>
    public static List<InvalidParameter> CheckClientId(string id, string field, string source)
    {
        if (id.Length > IdentityRules.MaxClientIdLength)
        {
            return [InvalidParameter.MaxLength(field, IdentityRules.MaxClientIdLength) with { Source = source }];
        }

        return IdentityRules.ClientIdPattern().IsMatch(id)
            ? []
            : [new InvalidParameter(field, "matches_regex", "must match the pattern '[-_\\w]+'") { Source = source }];
    }

    private static LabelsPatch? ToPatch(ImmutableDictionary<string, string>? labels) =>
        labels is null ? null : new LabelsPatch(false, labels, []);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Name = ").Append(Name).Append(", ClientSecret = ").Append(ClientSecret is null ? "null" : "***");
        return true;
    }
}
