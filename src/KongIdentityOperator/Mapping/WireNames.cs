using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace KongIdentityOperator.Mapping;

/// <summary>The wire spelling of an entity enum (its <see cref="JsonStringEnumMemberNameAttribute"/>, else its name).</summary>
internal static class WireNames
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Of(Enum value) => Cache.GetOrAdd(value, static v =>
        v.GetType().GetField(v.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? v.ToString());
}
