namespace KongIdentityOperator.Konnect;

/// <summary>Creates <see cref="IKonnectClient"/> instances bound to one <see cref="KonnectConnection"/>.</summary>
/// <remarks>
/// Clients are cheap: the HTTP handlers, connection pool and rate limiter are shared and keyed by
/// (server URL, token), so calling <see cref="For"/> once per reconcile is fine.
/// </remarks>
public interface IKonnectClientFactory
{
    /// <summary>Returns a client that calls <paramref name="connection"/>'s server with its token.</summary>
    IKonnectClient For(KonnectConnection connection);
}
