namespace KongIdentityOperator.Controllers;

/// <summary>The object as Konnect holds it after a look or a write, and what was done to it (null: nothing, it matched).</summary>
internal sealed record Applied<TRemote>(TRemote Remote, string? Change)
    where TRemote : class;
