using System.Text.Json;
using System.Text.Json.Serialization;

namespace KongIdentityOperator.Sandbox.Konnect.Hooks;

/// <summary>Source-generated camelCase JSON for the test hooks; unknown fault settings are rejected.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(EmulatorFaults))]
[JsonSerializable(typeof(FaultSettings))]
[JsonSerializable(typeof(RequestCounts))]
[JsonSerializable(typeof(HookError))]
[JsonSerializable(typeof(EmulatorSnapshot))]
internal sealed partial class HookJsonContext : JsonSerializerContext;
