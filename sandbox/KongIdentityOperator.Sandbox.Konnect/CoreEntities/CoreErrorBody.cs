namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>The gRPC-style error body of the core-entities API: <c>{code, message, details}</c>.</summary>
internal sealed record CoreErrorBody(int Code, string Message, IReadOnlyList<CoreErrorDetail> Details);
