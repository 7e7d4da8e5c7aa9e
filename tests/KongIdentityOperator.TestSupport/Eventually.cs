using System.Text.Json;

namespace KongIdentityOperator.TestSupport;

/// <summary>
/// Polls until a condition holds, instead of sleeping a fixed time; when it does not within the (generous, for a
/// loaded machine) timeout, throws with what was awaited and the last observation. The timeout bounds every wait, so
/// no cancellation token is taken (test frameworks would then insist on one at every call).
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> MatchAsync<T>(
        Func<Task<T>> observe, Func<T, bool> accept, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(observe);
        ArgumentNullException.ThrowIfNull(accept);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var last = await observe();
            if (accept(last))
            {
                return last;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last seen: {Describe(last)}");
            }

            await Task.Delay(Interval);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        MatchAsync(condition, ok => ok, what, timeout);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        MatchAsync(() => Task.FromResult(condition()), ok => ok, what, timeout);

    /// <summary>The value's own text, or its JSON when its type does not override <see cref="object.ToString"/>.</summary>
    private static string Describe<T>(T value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = value.ToString() ?? string.Empty;
        if (text != value.GetType().ToString())
        {
            return text;
        }

        try
        {
#pragma warning disable IL2026, IL3050 // Tests only: the observed object is described by reflection.
            return JsonSerializer.Serialize(value, value.GetType());
#pragma warning restore IL2026, IL3050
        }
        catch (NotSupportedException)
        {
            return text;
        }
    }
}
