using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>The body and HTTP status code of a completed write.</summary>
internal sealed record WriteResult(JsonObject Body, int StatusCode);
