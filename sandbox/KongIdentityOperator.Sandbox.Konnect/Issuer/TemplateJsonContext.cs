using System.Text.Json.Serialization;

namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>Source-generated JSON for template values.</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class TemplateJsonContext : JsonSerializerContext;
