using System.Text.Json.Serialization;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>A core-entities cursor page: <c>{data, next, offset}</c>; <c>next</c> is null and <c>offset</c> absent on the last page.</summary>
internal sealed record CorePage<T>(IReadOnlyList<T> Data, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Next, string? Offset);
