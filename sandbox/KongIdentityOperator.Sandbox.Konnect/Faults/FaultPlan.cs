namespace KongIdentityOperator.Sandbox.Konnect.Faults;

/// <summary>What happens to one call: throttled (429), delayed, and/or failed with <see cref="ErrorStatus"/> (0 = no).</summary>
internal sealed record FaultPlan(EmulatorFaults Faults, bool Throttle, TimeSpan Delay, int ErrorStatus);
