namespace KongIdentityOperator.Bench.Workload;

/// <summary>
/// The rate-limit floor of a scenario: the fewest Konnect calls any operator needs to converge it from nothing,
/// divided by the rate limit. Every object is written once (auth server POST, scope and claim POSTs, client PUTs,
/// plugin PUTs), plus the reads nobody can skip: one page of the auth server's (empty) client list, to know that no
/// foreign client holds a chosen id, and for the policies one control-plane lookup, one page of its gateway
/// services (to resolve the target names) and one page of its plugins (the same ownership question).
/// </summary>
internal static class Floor
{
    public static long Calls(ScenarioObjects objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var writes = 1L + objects.Scopes + objects.Claims + objects.Clients + objects.Policies;
        var reads = (objects.Clients > 0 ? 1 : 0) + (objects.Policies > 0 ? 3 : 0);
        return writes + reads;
    }

    public static TimeSpan Time(long calls, int ratePerMinute) => TimeSpan.FromMinutes((double)calls / ratePerMinute);
}
