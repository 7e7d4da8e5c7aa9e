using KongIdentityOperator.Configuration;

namespace KongIdentityOperator.Connections;

/// <summary>
/// The operator's default Konnect token: <c>--konnect-token</c>, or the contents of <c>--konnect-token-file</c>. The
/// file is read again when it may have changed (at most once a second), so a Secret mounted as a volume can be
/// rotated without a restart; a missing or empty file means no default token. The token is never logged.
/// </summary>
internal sealed class DefaultTokenSource(OperatorOptions options, TimeProvider time)
{
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private string? _token;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>Where the token comes from, for messages (never the token itself).</summary>
    public string Origin => options.KonnectTokenFile is { } file ? $"--konnect-token-file ({file})" : "--konnect-token (KONNECT_TOKEN)";

    public string? Current()
    {
        if (options.KonnectTokenFile is not { } file)
        {
            return string.IsNullOrWhiteSpace(options.KonnectToken) ? null : options.KonnectToken;
        }

        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _readAt >= RecheckAfter)
            {
                _token = Read(file);
                _readAt = now;
            }

            return _token;
        }
    }

    private static string? Read(string file)
    {
        try
        {
            // A mounted Secret is a symlink swapped atomically by the kubelet; reading the path follows the new link.
            var text = File.ReadAllText(file).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
