using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("Token cache of the plugin (config.cache, memory strategy).")]
public sealed class PolicyCacheSettings
{
    [RangeMinimum(0)]
    [Description("Seconds before expiry at which a cached token is dropped (plugin default 5).")]
    public int? EagerlyExpireSeconds { get; set; }

    [RangeMinimum(0, exclusive: true)]
    [Description("TTL in seconds for tokens returned without expires_in (plugin default 3600).")]
    public double? DefaultTtlSeconds { get; set; }
}
