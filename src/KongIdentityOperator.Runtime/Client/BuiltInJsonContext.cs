using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// Type information for the built-in kinds the runtime and the operator read and write (Secrets, Leases, Events, an
/// error's Status, a list's metadata). Only these, rather than KubernetesClient's context for every model: a Native AOT
/// build keeps the code and type data of every kind a context names, which is most of the executable's size and memory.
/// Metadata mode only: the serializer uses the options' converters, including the MicroTime fields'.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(V1Secret))]
[JsonSerializable(typeof(V1Lease))]
[JsonSerializable(typeof(Eventsv1Event))]
[JsonSerializable(typeof(V1Status))]
[JsonSerializable(typeof(V1ListMeta))]
internal sealed partial class BuiltInJsonContext : JsonSerializerContext
{
    // (declaring type, JSON name) of the MicroTime fields among the kinds above.
    private static readonly (Type Type, string Name)[] MicroTimeFields =
    [
        (typeof(Eventsv1Event), "eventTime"),
        (typeof(Eventsv1EventSeries), "lastObservedTime"),
        (typeof(V1LeaseSpec), "acquireTime"),
        (typeof(V1LeaseSpec), "renewTime"),
    ];

    /// <summary>The context with the MicroTime fields of its kinds written with six fractional digits.</summary>
    public static IJsonTypeInfoResolver WithMicroTimes() => Default.WithAddedModifier(UseMicroTime);

    private static void UseMicroTime(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType == typeof(DateTime?) && Array.IndexOf(MicroTimeFields, (typeInfo.Type, property.Name)) >= 0)
            {
                property.CustomConverter = KubernetesMicroTimeConverter.Instance;
            }
        }
    }
}
