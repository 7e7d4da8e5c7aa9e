namespace KongIdentityOperator.Runtime.Client;

/// <summary>The REST paths of a kind: <c>/api/v1/...</c> for the core group, <c>/apis/{group}/{version}/...</c> otherwise.</summary>
internal static class EntityPaths
{
    /// <summary>The collection, in one namespace or (namespace null or empty) cluster-wide.</summary>
    public static string Collection(EntityApiInfo api, string? @namespace)
    {
        var root = api.Group.Length == 0 ? $"api/{api.Version}" : $"apis/{api.Group}/{api.Version}";
        return string.IsNullOrEmpty(@namespace)
            ? $"{root}/{api.Plural}"
            : $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{api.Plural}";
    }

    /// <summary>One object, optionally a subresource such as <c>status</c>.</summary>
    public static string Item(EntityApiInfo api, string name, string? @namespace, string? subresource = null)
    {
        var path = $"{Collection(api, @namespace)}/{Uri.EscapeDataString(name)}";
        return subresource is null ? path : $"{path}/{subresource}";
    }

    /// <summary>Appends the query parameters that have a value.</summary>
    public static string WithQuery(string path, params ReadOnlySpan<(string Name, string? Value)> parameters)
    {
        var query = new List<string>(parameters.Length);
        foreach (var (name, value) in parameters)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }
}
