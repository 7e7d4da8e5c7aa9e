using System.Text.Json;
using System.Text.Json.Serialization;
using KongIdentityOperator.Sandbox.Konnect.ControlPlanes;
using KongIdentityOperator.Sandbox.Konnect.CoreEntities;
using KongIdentityOperator.Sandbox.Konnect.Faults;
using KongIdentityOperator.Sandbox.Konnect.Identity;
using KongIdentityOperator.Sandbox.Konnect.Issuer;

namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>Source-generated JSON for every API body: snake_case, nulls left out unless a property says otherwise.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(AuthServerResponse))]
[JsonSerializable(typeof(ListResponse<AuthServerResponse>))]
[JsonSerializable(typeof(ScopeResponse))]
[JsonSerializable(typeof(ListResponse<ScopeResponse>))]
[JsonSerializable(typeof(ClaimResponse))]
[JsonSerializable(typeof(ListResponse<ClaimResponse>))]
[JsonSerializable(typeof(ClientResponse))]
[JsonSerializable(typeof(ListResponse<ClientResponse>))]
[JsonSerializable(typeof(ClientSecretResponse))]
[JsonSerializable(typeof(ListResponse<ClientSecretResponse>))]
[JsonSerializable(typeof(IssuedTokenResponse))]
[JsonSerializable(typeof(ListResponse<IssuedTokenResponse>))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(ControlPlaneResponse))]
[JsonSerializable(typeof(ListResponse<ControlPlaneResponse>))]
[JsonSerializable(typeof(CoreErrorBody))]
[JsonSerializable(typeof(CoreMessageBody))]
[JsonSerializable(typeof(GatewayServiceResponse))]
[JsonSerializable(typeof(CorePage<GatewayServiceResponse>))]
[JsonSerializable(typeof(GatewayRouteResponse))]
[JsonSerializable(typeof(CorePage<GatewayRouteResponse>))]
[JsonSerializable(typeof(PluginResponse))]
[JsonSerializable(typeof(CorePage<PluginResponse>))]
[JsonSerializable(typeof(OpenIdConfiguration))]
[JsonSerializable(typeof(JwksDocument))]
[JsonSerializable(typeof(OAuthTokenResponse))]
[JsonSerializable(typeof(OAuthErrorBody))]
[JsonSerializable(typeof(RateLimitBody))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
