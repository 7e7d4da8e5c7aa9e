using System.Text.Json.Serialization;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>One entry of the gRPC-style <c>details</c> array of core-entities errors (CONTRACT §5).</summary>
internal sealed record CoreErrorDetail(string Type, string? Field, IReadOnlyList<string> Messages)
{
    [JsonPropertyName("@type")]
    [JsonPropertyOrder(-1)]
    public string TypeUrl { get; init; } = "type.googleapis.com/kong.admin.model.v1.ErrorDetail";

    public static CoreErrorDetail FieldError(string field, string message) => new("ERROR_TYPE_FIELD", field, [message]);

    public static CoreErrorDetail EntityError(string message) => new("ERROR_TYPE_ENTITY", null, [message]);

    public static CoreErrorDetail ReferenceError(string field, string message) => new("ERROR_TYPE_REFERENCE", field, [message]);
}
