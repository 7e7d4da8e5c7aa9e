using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization;

namespace KongIdentityOperator.Mapping;

/// <summary>The wire spelling of an entity enum (its <see cref="JsonStringEnumMemberNameAttribute"/>, else its name).</summary>
internal static class WireNames
{
    // Generic over the enum so that its fields are kept for the attribute lookup in a trimmed or AOT build.
    public static string Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(TEnum value)
        where TEnum : struct, Enum
        => PerType<TEnum>.Names.GetOrAdd(value, PerType<TEnum>.Lookup);

    private static class PerType<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>
        where TEnum : struct, Enum
    {
        public static readonly ConcurrentDictionary<TEnum, string> Names = new();

        public static string Lookup(TEnum value) =>
            typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString();
    }
}
