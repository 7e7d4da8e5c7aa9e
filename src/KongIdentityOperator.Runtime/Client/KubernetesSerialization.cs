using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// Where an operator registers the JSON type information (a source-generated <c>JsonSerializerContext</c>) of its
/// custom kinds, so that the runtime's client, cache and status writes need no reflection. Register before the first
/// request, typically from the operator's module initializer; KubernetesClient's own context serves the built-in kinds.
/// </summary>
public static class KubernetesSerialization
{
    private static ImmutableArray<IJsonTypeInfoResolver> _resolvers = [];

    /// <summary>The registered resolvers as one, consulted in registration order.</summary>
    internal static IJsonTypeInfoResolver Registered { get; } = new RegisteredResolvers();

    /// <summary>Adds a resolver (a source-generated context) for custom kinds; the same resolver twice counts once.</summary>
    public static void AddTypeInfoResolver(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ImmutableInterlocked.Update(ref _resolvers, list => list.Contains(resolver) ? list : list.Add(resolver));
    }

    // Reads the list on each lookup (the options cache what it finds), so a registration made after the options were
    // first used still counts for the kinds not looked up yet.
    private sealed class RegisteredResolvers : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            foreach (var resolver in _resolvers)
            {
                if (resolver.GetTypeInfo(type, options) is { } info)
                {
                    return info;
                }
            }

            return null;
        }
    }
}
