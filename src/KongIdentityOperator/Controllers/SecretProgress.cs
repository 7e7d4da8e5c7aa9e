namespace KongIdentityOperator.Controllers;

/// <summary>How far a reconcile took a Client's secrets in Konnect.</summary>
internal enum SecretProgress
{
    /// <summary>Nothing new in Konnect (perhaps a previous secret deleted).</summary>
    None,

    /// <summary>The current secret was registered (after a heal, or a lost status).</summary>
    Registered,

    /// <summary>The staged secret was added in Konnect and promoted in the credentials Secret.</summary>
    Promoted,

    /// <summary>A step was taken that must be on record before the next one: reconcile again at once.</summary>
    Continue,
}
