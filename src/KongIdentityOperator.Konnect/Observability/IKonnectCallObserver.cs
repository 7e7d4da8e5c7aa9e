namespace KongIdentityOperator.Konnect.Observability;

/// <summary>
/// Told about every HTTP attempt the client makes (retries included), e.g. to export metrics or count calls in a
/// benchmark. Register any number with <c>services.AddSingleton&lt;IKonnectCallObserver, MyObserver&gt;()</c>;
/// with none registered nothing is observed.
/// </summary>
/// <remarks>Called on the request's thread after each attempt; keep it fast and non-throwing.</remarks>
public interface IKonnectCallObserver
{
    void OnAttempt(KonnectCallAttempt attempt);
}
