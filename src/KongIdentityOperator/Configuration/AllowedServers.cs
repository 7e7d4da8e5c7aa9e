namespace KongIdentityOperator.Configuration;

/// <summary>
/// The Konnect API base URLs objects may use. A URL matches an entry only when scheme, host, port and base path are
/// the same (case-insensitive scheme and host, default ports made explicit, a trailing slash ignored); userinfo, a
/// query or a fragment never match. Anything else gets no request at all: the operator's token and the answers it
/// would echo into status never leave for a server a namespace chose.
/// </summary>
internal sealed class AllowedServers
{
    private readonly HashSet<string> _canonical;

    public AllowedServers(IEnumerable<Uri> servers)
    {
        Servers = [.. servers];
        _canonical = new HashSet<string>(Servers.Select(s => Canonical(s) ?? throw new ArgumentException($"'{s}' is not a plain http(s) base URL.", nameof(servers))), StringComparer.Ordinal);
    }

    /// <summary>The official API base URL of every Konnect region, the default list.</summary>
    public static IReadOnlyList<Uri> RegionDefaults { get; } = [.. Konnect.KonnectRegions.All.Select(Konnect.KonnectRegions.ServerUrlFor)];

    public IReadOnlyList<Uri> Servers { get; }

    /// <summary>The override alone when there is one (every call goes there); else the configured list.</summary>
    public static AllowedServers For(OperatorOptions options) =>
        new(options.KonnectServerUrl is { } only ? [only] : options.AllowedKonnectServers);

    public bool Allows(Uri candidate) => Canonical(candidate) is { } canonical && _canonical.Contains(canonical);

    /// <summary>scheme://host:port/path without a trailing slash; null for anything that is not a plain http(s) base URL.</summary>
    public static string? Canonical(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length > 0
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0
            || uri.OriginalString.Contains('\\', StringComparison.Ordinal)
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        return $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}{path}";
    }

    /// <summary>Parses a URL as a user wrote it; null when it is not a plain http(s) base URL.</summary>
    public static Uri? Parse(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && Canonical(uri) is not null ? uri : null;

    public override string ToString() => string.Join(",", Servers.Select(s => s.AbsoluteUri.TrimEnd('/')));
}
