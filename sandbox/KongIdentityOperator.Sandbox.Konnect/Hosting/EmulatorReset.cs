using KongIdentityOperator.Sandbox.Konnect.Faults;
using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.Hosting;

/// <summary>Back to the start: no entities (or just the tutorial seed), no counts, the startup faults.</summary>
internal sealed class EmulatorReset(EmulatorStore store, EmulatorRequestLog log, FaultInjector faults, TutorialSeed seed, KonnectEmulatorOptions options)
{
    public void Reset()
    {
        lock (store.Gate)
        {
            store.Clear();
        }

        log.Clear();
        faults.Set(options.Faults);
        if (options.SeedTutorial)
        {
            seed.Apply();
        }
    }
}
