namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>How to start a <see cref="KonnectEmulator"/>.</summary>
public sealed class KonnectEmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks any free port.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Bearer tokens accepted by the API. When empty, any non-empty Bearer token is accepted
    /// (a missing header is still 401).
    /// </summary>
    public IReadOnlyList<string> Tokens { get; set; } = [];

    /// <summary>Faults in force from the start (also what <see cref="KonnectEmulator.Reset"/> returns to).</summary>
    public EmulatorFaults Faults { get; set; } = EmulatorFaults.None;

    /// <summary>Kong Identity limits in force; the documented values unless a test lowers them.</summary>
    public KonnectEmulatorLimits Limits { get; set; } = KonnectEmulatorLimits.Documented;

    /// <summary>Create control plane <c>quickstart</c> with <c>example-service</c> and <c>example-route</c>.</summary>
    public bool SeedTutorial { get; set; }

    /// <summary>Clock for timestamps, token lifetimes, rate-limit windows and injected latency.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Seed for the fault dice (error rate, latency spikes); null = unseeded.</summary>
    public int? RandomSeed { get; set; }
}
