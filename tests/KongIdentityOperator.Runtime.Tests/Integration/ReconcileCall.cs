namespace KongIdentityOperator.Runtime.Tests.Integration;

/// <summary>One call the runtime made into the test controller or finalizer.</summary>
internal sealed record ReconcileCall(
    string Method,
    string Key,
    long? Generation,
    string? ResourceVersion,
    IReadOnlyList<string> Finalizers,
    bool Deleting,
    string? SpecValue);
