using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Chaos.Rotation;

/// <summary>
/// A place between two steps of a rotation where the operator is SIGKILLed: the request that would take the next step
/// is held (at the Konnect or the API-server tap) until the process is gone, so the step never happens.
/// </summary>
internal sealed record KillPoint(string Name, Action<RotationWorld, RotationStart> Arm, Func<RotationWorld, Task<bool>>? Reached = null)
{
    public static IReadOnlyList<KillPoint> All { get; } =
    [
        new("after the new secret is staged in the Secret, before Konnect hears of it", (w, _) =>
            w.HoldKonnect = r => r.Method == "POST" && IsSecrets(r.Path)),
        new("after Konnect added the new secret, before it is promoted in the Secret", (w, start) =>
            w.HoldKube = r => r.Method == "PUT" && r.Path.Value!.EndsWith($"/secrets/{RotationWorld.SecretName}", StringComparison.Ordinal)
                && w.KonnectTap.Calls.Skip(start.KonnectCalls).Any(c => c.Method == "POST" && c.Path.EndsWith("/secrets", StringComparison.Ordinal) && c.Status == 201)),
        new("after the promotion, before status records it", (w, start) =>
            w.HoldKube = r => r.Method == "PUT" && IsClientStatus(r.Path)
                && w.KubeTap.Calls.Skip(start.KubeCalls).Count(c => c.Method == "PUT" && c.Path.EndsWith($"/secrets/{RotationWorld.SecretName}", StringComparison.Ordinal) && c.Status == 200) >= 2),
        new("during the grace period, the previous secret still valid", (_, _) => { }, async w => (await w.ClientAsync()).Status.PreviousSecretId is not null),
        new("after the previous secret is deleted at the end of its grace, before status records it", (w, start) =>
            w.HoldKube = r => r.Method == "PUT" && IsClientStatus(r.Path)
                && w.KonnectTap.Calls.Skip(start.KonnectCalls).Any(c => c.Method == "DELETE" && c.Path.Contains("/secrets/", StringComparison.Ordinal))),
    ];

    /// <summary>Whether the operator has reached the point: by default, a request of the next step is being held.</summary>
    public Task<bool> ReachedAsync(RotationWorld world) => Reached?.Invoke(world) ?? Task.FromResult(world.Held > 0);

    public override string ToString() => Name;

    private static bool IsSecrets(PathString path) => path.Value!.EndsWith("/secrets", StringComparison.Ordinal);

    private static bool IsClientStatus(PathString path) => path.Value!.EndsWith($"/clients/{RotationWorld.ClientName}/status", StringComparison.Ordinal);
}

/// <summary>Where the taps' call logs stood when the rotation was asked for.</summary>
internal sealed record RotationStart(int KonnectCalls, int KubeCalls);
