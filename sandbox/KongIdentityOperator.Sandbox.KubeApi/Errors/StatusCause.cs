namespace KongIdentityOperator.Sandbox.KubeApi.Errors;

/// <summary>One entry of a Status body's <c>details.causes</c>, like apimachinery's StatusCause.</summary>
internal sealed record StatusCause(string Reason, string Message, string Field);
