namespace KongIdentityOperator.Bench.Results;

/// <summary>Apply → Ready of one new Client at a time on an idle operator.</summary>
internal sealed record LatencyResult(
    int Samples,
    double P50Milliseconds,
    double P99Milliseconds,
    double MaxMilliseconds,
    double KonnectCallsPerSample,
    double RoundTripMilliseconds,
    double P50Multiple,
    double P99Multiple);
