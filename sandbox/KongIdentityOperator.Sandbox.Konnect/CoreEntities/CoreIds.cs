namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>Path ids of the core-entities API; a control plane id that is no uuid names no control plane (404).</summary>
internal static class CoreIds
{
    public static Guid ControlPlane(string value) =>
        Guid.TryParseExact(value, "D", out var id) ? id : throw CoreEntityException.NotFound();

    public static Guid Plugin(string value) =>
        Guid.TryParseExact(value, "D", out var id) ? id : throw CoreEntityException.Validation("id", $"invalid plugin id '{value}': expected a valid UUID");
}
