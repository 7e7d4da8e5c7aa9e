namespace KongIdentityOperator.Entities;

/// <summary>What cleanup needs to know of a Scope, Claim or Client: its parent and the Konnect ids it recorded.</summary>
internal interface IAuthServerChild
{
    LocalObjectReference AuthServerRef { get; }

    DeletionPolicy? DeletionPolicy { get; }

    /// <summary>spec.adopt.id, or null.</summary>
    string? AdoptId { get; }

    /// <summary>The Konnect id of the object (status.id).</summary>
    string? RemoteId { get; }

    /// <summary>The Konnect id of the auth server it was created in (status.authServerID).</summary>
    string? RemoteAuthServerId { get; }
}
