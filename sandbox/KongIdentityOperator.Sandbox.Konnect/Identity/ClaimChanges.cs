using System.Collections.Immutable;
using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.Issuer;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>The fields a POST or PATCH of a claim sets (null = not given). Templates are checked here.</summary>
internal sealed record ClaimChanges(
    string? Name,
    string? Value,
    bool? IncludeInToken,
    bool? IncludeInAllScopes,
    ImmutableArray<Guid>? IncludeInScopes,
    bool? Enabled)
{
    public static ClaimChanges Read(JsonBodyReader body, bool create)
    {
        var changes = new ClaimChanges(
            body.String("name", required: create, minLength: 1),
            body.String("value", required: create, minLength: 1),
            body.Boolean("include_in_token"),
            body.Boolean("include_in_all_scopes"),
            body.UuidArray("include_in_scopes"),
            body.Boolean("enabled"));
        if (changes.Value is not null)
        {
            try
            {
                ClaimTemplate.Parse(changes.Value);
            }
            catch (TemplateException exception)
            {
                body.Fail(new InvalidParameter(body.Field("value"), "invalid", $"invalid template: {exception.Message}"));
            }
        }

        body.ThrowIfInvalid();
        return changes;
    }
}
