using KongIdentityOperator.Ownership;

namespace KongIdentityOperator.Controllers;

/// <summary>The client in Konnect and whose it is (a client this Client may write to).</summary>
internal sealed record ObservedClient(Konnect.Identity.Client Remote, OwnerVerdict Verdict);
