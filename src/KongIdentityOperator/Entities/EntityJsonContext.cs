using System.Text.Json.Serialization;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Entities;

/// <summary>
/// Source-generated JSON for the five kinds, with KubernetesClient's own settings (camelCase, nulls omitted, enums as
/// strings, Kubernetes timestamps), so that the runtime reads and writes them without reflection (Native AOT).
/// Registered with the runtime by <see cref="EntityJsonRegistration"/>.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    Converters = [typeof(KubernetesTimeConverter)])]
[JsonSerializable(typeof(AuthServer))]
[JsonSerializable(typeof(Scope))]
[JsonSerializable(typeof(Claim))]
[JsonSerializable(typeof(Client))]
[JsonSerializable(typeof(UpstreamOAuthPolicy))]
internal sealed partial class EntityJsonContext : JsonSerializerContext;
