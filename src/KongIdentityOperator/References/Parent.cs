using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;

namespace KongIdentityOperator.References;

/// <summary>A usable AuthServer of a Scope, Claim or Client: the object, its Konnect id and the connection it uses.</summary>
internal sealed record Parent(AuthServer AuthServer, string AuthServerId, KonnectConnection Connection);
