using System.Globalization;

namespace KongIdentityOperator.Tests.Live;

/// <summary>
/// What <c>make e2e-live</c> runs against, read from the environment: a Konnect organisation (<c>KONNECT_TOKEN</c> and
/// <c>KONNECT_REGION</c> or <c>KONNECT_SERVER_URL</c>) and a cluster (<c>KUBECONFIG</c>). The token is kept out of
/// <see cref="ToString"/> so that no message can carry it.
/// </summary>
public sealed record LiveSettings(Uri ServerUrl, string? Region, string Token, string KubeconfigPath, bool CleanupOnly, string RunId)
{
    /// <summary>Set by <c>make e2e-live</c> (and the sandbox driver): without it the suite never touches a real org.</summary>
    public const string OptIn = "E2E_LIVE";

    public const string CleanupOnlyVariable = "E2E_CLEANUP_ONLY";

    public const string RunIdVariable = "E2E_RUN_ID";

    private static readonly string[] Regions = ["us", "eu", "au", "me", "in", "sg"];

    /// <summary>Namespace of this run, and the prefix of every name it creates in Konnect.</summary>
    public string Prefix => LiveLabels.NamePrefix + RunId;

    /// <summary>Reads the settings, or says why the suite cannot run.</summary>
    public static (LiveSettings? Settings, string? SkipReason) Read(Func<string, string?> variable)
    {
        if (variable(OptIn) != "1")
        {
            return (null, $"the live end-to-end suite runs through `make e2e-live` ({OptIn}=1 is not set)");
        }

        var missing = new List<string>();
        var token = variable("KONNECT_TOKEN");
        if (string.IsNullOrWhiteSpace(token))
        {
            missing.Add("KONNECT_TOKEN");
        }

        var region = Blank(variable("KONNECT_REGION"));
        var server = Blank(variable("KONNECT_SERVER_URL"));
        if (region is null && server is null)
        {
            missing.Add("KONNECT_REGION or KONNECT_SERVER_URL");
        }

        var kubeconfig = Blank(variable("KUBECONFIG"));
        if (kubeconfig is null)
        {
            missing.Add("KUBECONFIG");
        }

        if (missing.Count > 0)
        {
            return (null, $"set {string.Join(", ", missing)} to run the live end-to-end suite against a Konnect organisation and a cluster");
        }

        if (region is not null && server is null && !Regions.Contains(region, StringComparer.Ordinal))
        {
            return (null, $"KONNECT_REGION must be one of {string.Join(", ", Regions)}");
        }

        if (!Uri.TryCreate(server ?? $"https://{region}.api.konghq.com", UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return (null, "KONNECT_SERVER_URL must be an absolute http(s) URL");
        }

        if (!File.Exists(kubeconfig))
        {
            return (null, $"KUBECONFIG names no file ({kubeconfig})");
        }

        var runId = Blank(variable(RunIdVariable)) ?? NewRunId();
        if (!LiveLabels.IsRunId(runId))
        {
            return (null, $"{RunIdVariable} must be 4 to 16 lowercase letters or digits");
        }

        return (new LiveSettings(url, server is null ? region : null, token!, kubeconfig!, variable(CleanupOnlyVariable) == "1", runId), null);
    }

    /// <summary>The server as it is printed: scheme, host, port and path only (no user info, query or token).</summary>
    public string ServerForDisplay => WithoutUserInfo(ServerUrl);

    /// <summary>Scheme, host, port and path: what is called and shown, never user info, a query or a fragment.</summary>
    public static string WithoutUserInfo(Uri url) => $"{url.Scheme}://{url.Authority}{url.AbsolutePath}";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"LiveSettings {{ Server = {ServerForDisplay}, Region = {Region}, Kubeconfig = {KubeconfigPath}, CleanupOnly = {CleanupOnly}, RunId = {RunId} }}");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string NewRunId() => Guid.NewGuid().ToString("N")[..8];
}
