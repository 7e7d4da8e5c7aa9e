using KongIdentityOperator.Credentials;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Controllers;

/// <summary>
/// What applying a Client's fields to Konnect did: the change (for the event), the ledger when a PUT left the current
/// secret as the client's only one, or why nothing could be written.
/// </summary>
internal sealed record ClientApplied(string? Change, SecretLedger? Reset, ReconcileOutcome? Problem);
