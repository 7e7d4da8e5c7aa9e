namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>The <c>application/problem+json</c> body of Konnect-native APIs (CONTRACT §5).</summary>
internal sealed record ProblemBody(int Status, string Title, string Type, string Instance, string Detail)
{
    public IReadOnlyList<InvalidParameter>? InvalidParameters { get; init; }
}
