using System.Text.Json;
using System.Text.Json.Serialization;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// Type information for what KubernetesClient's models hold as <c>object</c> (a managed field's <c>fieldsV1</c>),
/// which reads as a <see cref="JsonElement"/> and is written back polymorphically. The Aot package's context has none
/// for it, so without this a status write of an object with <c>managedFields</c> fails in a Native AOT build.
/// </summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
