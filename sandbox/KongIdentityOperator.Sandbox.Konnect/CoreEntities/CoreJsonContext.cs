using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>Source-generated JSON for plugin config documents.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
