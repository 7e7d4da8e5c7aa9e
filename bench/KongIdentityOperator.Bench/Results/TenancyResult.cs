namespace KongIdentityOperator.Bench.Results;

/// <summary>Apply → Ready of a healthy tenant's Clients, alone and next to a tenant whose Konnect server hangs.</summary>
internal sealed record TenancyResult(
    int Clients,
    int HangingAuthServers,
    int MaxInFlight,
    double AloneP50Milliseconds,
    double AloneP99Milliseconds,
    double NextToHungP50Milliseconds,
    double NextToHungP99Milliseconds,
    double P99Ratio,
    long AloneKonnectCalls,
    long NextToHungKonnectCalls,
    int HungCallsInFlight);
