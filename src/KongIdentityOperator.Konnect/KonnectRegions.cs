namespace KongIdentityOperator.Konnect;

/// <summary>The Konnect regions and their API server URLs.</summary>
public static class KonnectRegions
{
    /// <summary>The region names Konnect serves, in the order of its API specifications.</summary>
    public static IReadOnlyList<string> All { get; } = ["us", "eu", "au", "me", "in", "sg"];

    /// <summary>Returns <c>https://{region}.api.konghq.com</c> for a known region (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The region is not one of <see cref="All"/>.</exception>
    public static Uri ServerUrlFor(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var normalized = region.Trim().ToLowerInvariant();
        if (!All.Contains(normalized))
        {
            throw new ArgumentException(
                $"Unknown Konnect region '{region}'; expected one of {string.Join(", ", All)}.", nameof(region));
        }

        return new Uri($"https://{normalized}.api.konghq.com");
    }
}
