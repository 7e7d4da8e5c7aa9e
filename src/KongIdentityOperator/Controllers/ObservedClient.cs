using KongIdentityOperator.Ownership;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Controllers;

/// <summary>The client in Konnect (null: there is none), whose it is, or why this Client must not write to it.</summary>
internal sealed record ObservedClient(Konnect.Identity.Client? Remote, OwnerVerdict? Verdict, ReconcileOutcome? Problem);
