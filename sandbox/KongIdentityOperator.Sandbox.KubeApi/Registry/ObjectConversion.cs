using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Registry;

/// <summary>
/// How a resource that is a view of another one's storage converts: <see cref="ToStorage"/> on the way in,
/// <see cref="FromStorage"/> on the way out (events.k8s.io/v1 Events are stored as core/v1 Events).
/// </summary>
/// <param name="Storage">The resource whose storage holds the objects.</param>
/// <param name="ToStorage">Converts this view's form to the stored form.</param>
/// <param name="FromStorage">Converts the stored form to this view's form.</param>
/// <param name="StorageField">Maps a field-selector path of this view to the stored object's path.</param>
internal sealed record ObjectConversion(
    ResourceKey Storage,
    Func<JsonObject, JsonObject> ToStorage,
    Func<JsonObject, JsonObject> FromStorage,
    Func<string, string> StorageField);
