namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>The plain <c>{"message": ...}</c> body used for core-entities 404s and 401s.</summary>
internal sealed record CoreMessageBody(string Message)
{
    public int? Status { get; init; }
}
