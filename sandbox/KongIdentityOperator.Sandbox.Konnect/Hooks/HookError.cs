namespace KongIdentityOperator.Sandbox.Konnect.Hooks;

/// <summary>The 400 body of a test hook.</summary>
internal sealed record HookError(IReadOnlyList<string> Errors);
