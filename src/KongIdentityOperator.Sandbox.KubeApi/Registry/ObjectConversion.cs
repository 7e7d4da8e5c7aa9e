using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Registry;

/// <summary>
/// How a resource that is a view of another one's storage converts: <see cref="ToStorage"/> on the way in,
/// <see cref="FromStorage"/> on the way out (events.k8s.io/v1 Events are stored as core/v1 Events).
/// </summary>
internal sealed record ObjectConversion(ResourceKey Storage, Func<JsonObject, JsonObject> ToStorage, Func<JsonObject, JsonObject> FromStorage);
