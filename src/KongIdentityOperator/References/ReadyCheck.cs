using KongIdentityOperator.Runtime.Conditions;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.References;

/// <summary>Whether a referenced object can be used, and a message saying why not.</summary>
internal static class ReadyCheck
{
    public static bool IsReady(IConditionsStatus status) => status.Conditions.IsTrue(ConditionTypes.Ready);

    public static string NotReadyDetail(IConditionsStatus status) =>
        status.Conditions.Get(ConditionTypes.Ready) is { } ready && !string.IsNullOrEmpty(ready.Message) ? $": {ready.Message}" : ".";
}
