namespace KongIdentityOperator.Entities;

/// <summary>The status of an auth-server child that Konnect cannot label (Scope, Claim): where it lives and the create marker.</summary>
internal interface IMarkedChildStatus
{
    string? Id { get; set; }

    string? AuthServerId { get; set; }

    DateTime? CreateRequestedAt { get; set; }
}
