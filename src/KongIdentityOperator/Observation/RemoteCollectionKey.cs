using KongIdentityOperator.Konnect;

namespace KongIdentityOperator.Observation;

/// <summary>One remote collection: a kind (clients, scopes, claims, plugins) under one parent, as seen through one connection.</summary>
/// <param name="Connection">Server and token (the token only compares; <see cref="KonnectConnection.ToString"/> hides it).</param>
/// <param name="ParentId">The auth server or control plane id.</param>
/// <param name="Kind">The collection's name, e.g. <c>clients</c>.</param>
internal sealed record RemoteCollectionKey(KonnectConnection Connection, string ParentId, string Kind);
