using KongIdentityOperator.Credentials;
using KongIdentityOperator.Entities;
using Remote = KongIdentityOperator.Konnect.Identity;

namespace KongIdentityOperator.Mapping;

/// <summary>The Konnect client a <see cref="Client"/> asks for (PUT upsert body), and whether Konnect differs.</summary>
internal static class ClientMapping
{
    public const int DefaultTokenDurationSeconds = 300;

    public static string DisplayName(Client entity) =>
        entity.Spec.DisplayName ?? $"{entity.Metadata.NamespaceProperty}-{entity.Metadata.Name}";

    /// <summary>The client_id: spec.clientID, else the adopted id, else one derived from namespace and name.</summary>
    public static string ClientId(Client entity) =>
        entity.Spec.ClientId ?? entity.Spec.Adopt?.Id ?? ClientIdDeriver.Derive(entity.Metadata.NamespaceProperty, entity.Metadata.Name);

    public static Remote.ClientUpsert Upsert(Client entity, IReadOnlyList<string> allowScopeIds, string clientSecret)
    {
        var spec = entity.Spec;
        return new Remote.ClientUpsert(
            DisplayName(entity),
            clientSecret,
            [.. (spec.GrantTypes ?? [GrantType.ClientCredentials]).Select(g => WireNames.Of(g))],
            [.. (spec.ResponseTypes ?? [ResponseType.Token]).Select(r => WireNames.Of(r))])
        {
            RedirectUris = [.. spec.RedirectUris ?? []],
            LoginUri = spec.LoginUri,
            AccessTokenDuration = spec.AccessTokenDurationSeconds ?? DefaultTokenDurationSeconds,
            IdTokenDuration = spec.IdTokenDurationSeconds ?? DefaultTokenDurationSeconds,
            AllowAllScopes = spec.AllowAllScopes ?? false,
            AllowScopes = allowScopeIds,
            TokenEndpointAuthMethod = WireNames.Of(spec.TokenEndpointAuthMethod ?? TokenEndpointAuthMethod.ClientSecretPost),
            Labels = OwnershipMarkers.Labels(AuthServerMapping.AsReadOnly(spec.Labels), entity.Metadata),
        };
    }

    /// <summary>
    /// A PATCH that sets every field of <paramref name="desired"/> but the secret (so the client's secrets, current and
    /// previous, stay as they are) and removes labels nobody wants any more.
    /// </summary>
    public static Remote.ClientPatch Patch(Remote.ClientUpsert desired, Remote.Client actual) => new()
    {
        Name = desired.Name,
        GrantTypes = desired.GrantTypes,
        ResponseTypes = desired.ResponseTypes,
        RedirectUris = desired.RedirectUris,
        LoginUri = desired.LoginUri,
        AccessTokenDuration = desired.AccessTokenDuration,
        IdTokenDuration = desired.IdTokenDuration,
        AllowAllScopes = desired.AllowAllScopes,
        AllowScopes = desired.AllowScopes,
        TokenEndpointAuthMethod = desired.TokenEndpointAuthMethod,
        Labels = LabelDiff.Patch(desired.Labels!, actual.Labels),
    };

    /// <summary>Whether the client in Konnect differs from the desired one in anything but the secret (which Konnect never returns).</summary>
    public static bool Differs(Remote.ClientUpsert desired, Remote.Client actual) =>
        desired.Name != actual.Name
        || !ClaimMapping.SameSet(desired.GrantTypes, actual.GrantTypes)
        || !ClaimMapping.SameSet(desired.ResponseTypes, actual.ResponseTypes)
        || !ClaimMapping.SameSet(desired.RedirectUris ?? [], actual.RedirectUris)
        || (desired.LoginUri ?? string.Empty) != (actual.LoginUri ?? string.Empty)
        || desired.AccessTokenDuration != actual.AccessTokenDuration
        || desired.IdTokenDuration != actual.IdTokenDuration
        || desired.AllowAllScopes != actual.AllowAllScopes
        || !ClaimMapping.SameSet(desired.AllowScopes ?? [], actual.AllowScopes)
        || desired.TokenEndpointAuthMethod != (actual.TokenEndpointAuthMethod ?? WireNames.Of(TokenEndpointAuthMethod.ClientSecretPost))
        || LabelDiff.Patch(desired.Labels!, actual.Labels) is not null;
}
