using System.Text.Json;
using System.Text.Json.Serialization;
using KongIdentityOperator.Konnect.ControlPlanes;
using KongIdentityOperator.Konnect.CoreEntities;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Json;

/// <summary>
/// Source-generated JSON contracts of every Konnect body: snake_case on the wire, and null properties left out on
/// write, because Konnect reads an absent field as "unchanged" in a PATCH and "default" in a create or PUT.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuthServer))]
[JsonSerializable(typeof(AuthServerCreate))]
[JsonSerializable(typeof(AuthServerPatch))]
[JsonSerializable(typeof(Page<AuthServer>))]
[JsonSerializable(typeof(Scope))]
[JsonSerializable(typeof(ScopeCreate))]
[JsonSerializable(typeof(ScopePatch))]
[JsonSerializable(typeof(Page<Scope>))]
[JsonSerializable(typeof(Claim))]
[JsonSerializable(typeof(ClaimCreate))]
[JsonSerializable(typeof(ClaimPatch))]
[JsonSerializable(typeof(Page<Claim>))]
[JsonSerializable(typeof(Client))]
[JsonSerializable(typeof(ClientCreate))]
[JsonSerializable(typeof(ClientPatch))]
[JsonSerializable(typeof(ClientUpsert))]
[JsonSerializable(typeof(ClientSecretField))]
[JsonSerializable(typeof(Page<Client>))]
[JsonSerializable(typeof(ClientSecret))]
[JsonSerializable(typeof(ClientSecretCreate))]
[JsonSerializable(typeof(ClientSecretPatch))]
[JsonSerializable(typeof(Page<ClientSecret>))]
[JsonSerializable(typeof(ControlPlane))]
[JsonSerializable(typeof(Page<ControlPlane>))]
[JsonSerializable(typeof(Plugin))]
[JsonSerializable(typeof(PluginUpsert))]
[JsonSerializable(typeof(CursorPage<Plugin>))]
[JsonSerializable(typeof(CursorPage<GatewayService>))]
[JsonSerializable(typeof(GatewayService))]
[JsonSerializable(typeof(GatewayRoute))]
internal sealed partial class KonnectJsonContext : JsonSerializerContext;
