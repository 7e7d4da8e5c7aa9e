using KongIdentityOperator.Sandbox.Konnect.Http;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>The fields a POST or PATCH of a scope sets (null = not given).</summary>
internal sealed record ScopeChanges(string? Name, string? Description, bool? Default, bool? IncludeInMetadata, bool? Enabled)
{
    public static ScopeChanges Read(JsonBodyReader body, bool create)
    {
        var changes = new ScopeChanges(
            body.String("name", required: create, minLength: 1),
            body.String("description"),
            body.Boolean("default"),
            body.Boolean("include_in_metadata"),
            body.Boolean("enabled"));
        body.ThrowIfInvalid();
        return changes;
    }
}
