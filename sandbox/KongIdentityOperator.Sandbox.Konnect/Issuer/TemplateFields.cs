using KongIdentityOperator.Sandbox.Konnect.Identity;

namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>The data fields of claim templates (CONTRACT §3.5), e.g. <c>.Client.Name</c>, <c>.AuthServer.Labels.env</c>.</summary>
internal static class TemplateFields
{
    private static readonly Dictionary<string, Func<Client, object?>> ClientFields = new(StringComparer.Ordinal)
    {
        ["ID"] = c => c.Id,
        ["Name"] = c => c.Name,
        ["CreatedAt"] = c => c.CreatedAt,
        ["UpdatedAt"] = c => c.UpdatedAt,
        ["GrantTypes"] = c => c.GrantTypes,
        ["ResponseTypes"] = c => c.ResponseTypes,
        ["RedirectURIs"] = c => c.RedirectUris,
        ["LoginURI"] = c => c.LoginUri,
        ["AllowAllScopes"] = c => c.AllowAllScopes,
    };

    private static readonly Dictionary<string, Func<AuthServer, object?>> AuthServerFields = new(StringComparer.Ordinal)
    {
        ["ID"] = a => a.Id.ToString(),
        ["Name"] = a => a.Name,
        ["Description"] = a => a.Description,
        ["Audience"] = a => a.Audience,
        ["SigningAlgorithm"] = a => a.SigningAlgorithm,
        ["CreatedAt"] = a => a.CreatedAt,
        ["UpdatedAt"] = a => a.UpdatedAt,
    };

    /// <summary>Throws when the path names no field, so bad templates are rejected when the claim is saved.</summary>
    public static void Check(IReadOnlyList<string> path)
    {
        var known = path switch
        {
            ["Client", "Labels", _] or ["AuthServer", "Labels", _] => true,
            ["Client", var field] => ClientFields.ContainsKey(field),
            ["AuthServer", var field] => AuthServerFields.ContainsKey(field),
            _ => false,
        };
        if (!known)
        {
            throw new TemplateException($"unknown field .{string.Join('.', path)}");
        }
    }

    public static object? Resolve(IReadOnlyList<string> path, TemplateContext context) => path switch
    {
        ["Client", "Labels", var key] => context.Client.Labels.GetValueOrDefault(key),
        ["AuthServer", "Labels", var key] => context.AuthServer.Labels.GetValueOrDefault(key),
        ["Client", var field] => ClientFields[field](context.Client),
        ["AuthServer", var field] => AuthServerFields[field](context.AuthServer),
        _ => throw new TemplateException($"unknown field .{string.Join('.', path)}"),
    };
}
