using k8s.Models;

namespace KongIdentityOperator.Runtime.Conditions;

/// <summary>
/// Condition helpers with the Kubernetes API conventions: one entry per type, <c>lastTransitionTime</c> moves only
/// when <c>status</c> changes, and every write records the generation it was computed from.
/// </summary>
public static class ConditionListExtensions
{
    /// <summary>The API server's limit on <c>condition.message</c>.</summary>
    public const int MaxMessageLength = 32768;

    /// <summary>
    /// Adds or updates the condition of <paramref name="type"/>. Keeps <c>lastTransitionTime</c> when the status is
    /// unchanged; sets it to <paramref name="now"/> (whole seconds, as the API stores it) otherwise.
    /// </summary>
    /// <returns>Whether anything changed, so that callers can skip a status write.</returns>
    public static bool Set(
        this IList<V1Condition> conditions,
        string type,
        string status,
        string reason,
        string? message,
        long? observedGeneration,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(status);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        message = Truncate(message ?? string.Empty);

        var existing = conditions.Get(type);
        if (existing is null)
        {
            conditions.Add(new V1Condition
            {
                Type = type,
                Status = status,
                Reason = reason,
                Message = message,
                ObservedGeneration = observedGeneration,
                LastTransitionTime = WholeSeconds(now),
            });
            return true;
        }

        var changed = false;
        if (existing.Status != status)
        {
            existing.Status = status;
            existing.LastTransitionTime = WholeSeconds(now);
            changed = true;
        }

        if (existing.Reason != reason)
        {
            existing.Reason = reason;
            changed = true;
        }

        if ((existing.Message ?? string.Empty) != message)
        {
            existing.Message = message;
            changed = true;
        }

        if (existing.ObservedGeneration != observedGeneration)
        {
            existing.ObservedGeneration = observedGeneration;
            changed = true;
        }

        return changed;
    }

    /// <summary>The condition of <paramref name="type"/>, or null.</summary>
    public static V1Condition? Get(this IEnumerable<V1Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>Whether the condition of <paramref name="type"/> exists and is <c>True</c>.</summary>
    public static bool IsTrue(this IEnumerable<V1Condition>? conditions, string type) =>
        conditions.Get(type)?.Status == ConditionStatus.True;

    /// <summary>Whether the condition of <paramref name="type"/> exists and is <c>False</c>.</summary>
    public static bool IsFalse(this IEnumerable<V1Condition>? conditions, string type) =>
        conditions.Get(type)?.Status == ConditionStatus.False;

    /// <summary>Removes the condition of <paramref name="type"/>; returns whether one was present.</summary>
    public static bool Remove(this IList<V1Condition> conditions, string type)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var existing = conditions.Get(type);
        return existing is not null && conditions.Remove(existing);
    }

    private static DateTime WholeSeconds(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    private static string Truncate(string message) =>
        message.Length <= MaxMessageLength ? message : message[..MaxMessageLength];
}
