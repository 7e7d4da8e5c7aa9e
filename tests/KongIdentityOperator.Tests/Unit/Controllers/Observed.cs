using KongIdentityOperator.Runtime.Conditions;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Sandbox.Konnect;

namespace KongIdentityOperator.Tests.Unit.Controllers;

/// <summary>What a test reads back: which kstatus condition is true and why, and how many writes Konnect received.</summary>
internal static class Observed
{
    /// <summary>("Ready" | "Reconciling" | "Stalled", reason) of the condition that is True.</summary>
    public static (string Type, string? Reason) State(IConditionsStatus status)
    {
        foreach (var type in new[] { "Ready", "Reconciling", "Stalled" })
        {
            if (status.Conditions.IsTrue(type))
            {
                return (type, status.Conditions.Get(type)?.Reason);
            }
        }

        return ("None", null);
    }

    public static string? Reason(IConditionsStatus status, string type) => status.Conditions.Get(type)?.Reason;

    public static string? Message(IConditionsStatus status, string type) => status.Conditions.Get(type)?.Message;

    /// <summary>POST, PUT, PATCH and DELETE calls the emulator received (answered or refused).</summary>
    public static long KonnectWriteCalls(KonnectEmulator konnect) =>
        konnect.Requests.ByRoute.Where(r => r.Key.Split(' ')[0] is "POST" or "PUT" or "PATCH" or "DELETE").Sum(r => r.Value);

    /// <summary>Everything Konnect holds, as JSON: equal before and after means nothing was written.</summary>
    public static string KonnectState(KonnectEmulator konnect) => System.Text.Json.JsonSerializer.Serialize(konnect.Snapshot());
}
