namespace KongIdentityOperator.Mapping;

/// <summary>A resolved plugin target: global, or a gateway service or route by Konnect id.</summary>
internal sealed record PluginTarget(string? ServiceId, string? RouteId)
{
    public static PluginTarget Global { get; } = new(null, null);

    public string? Id => ServiceId ?? RouteId;
}
