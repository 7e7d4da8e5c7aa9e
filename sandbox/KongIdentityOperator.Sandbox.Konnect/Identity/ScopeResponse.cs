namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>The <c>Scope</c> schema as Konnect returns it.</summary>
internal sealed record ScopeResponse(
    Guid Id,
    string Name,
    string Description,
    bool Default,
    bool IncludeInMetadata,
    bool Enabled,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ScopeResponse From(Scope scope) => new(
        scope.Id,
        scope.Name,
        scope.Description,
        scope.Default,
        scope.IncludeInMetadata,
        scope.Enabled,
        scope.CreatedAt.UtcDateTime,
        scope.UpdatedAt.UtcDateTime);
}
