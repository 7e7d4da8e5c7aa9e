namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities.PluginSchemas;

/// <summary>Plugins whose config the emulator validates; any other plugin name is stored as given.</summary>
internal static class PluginSchemaRegistry
{
    private static readonly Dictionary<string, PluginSchema> Schemas = new(StringComparer.Ordinal)
    {
        [UpstreamOAuthSchema.Schema.Name] = UpstreamOAuthSchema.Schema,
    };

    public static PluginSchema? Find(string name) => Schemas.GetValueOrDefault(name);
}
