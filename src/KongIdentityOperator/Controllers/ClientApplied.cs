using KongIdentityOperator.Credentials;

namespace KongIdentityOperator.Controllers;

/// <summary>
/// What applying a Client's fields to Konnect did: the change (for the event), and the ledger when a PUT left the
/// current secret as the client's only one.
/// </summary>
internal sealed record ClientApplied(string? Change, SecretLedger? Reset);
