using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace KongIdentityOperator.Configuration;

/// <summary>
/// Reads flags (<c>--name value</c> or <c>--name=value</c>, parsed by <see cref="OperatorCommand"/>) over environment
/// variables over defaults. Errors name the flag and what was expected; a value is never echoed, since it may be a token.
/// </summary>
internal static partial class OperatorOptionsParser
{
    public static OperatorOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var command = new OperatorCommand();
        return From(command, command.Parse(args), args, environment);
    }

    /// <summary>The options of a parsed command line, over the environment variables, over the defaults.</summary>
    public static OperatorOptions From(OperatorCommand command, ParseResult result, IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(args);
        ThrowOnErrors(result, args);

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var flag in command.Flags)
        {
            if (environment(flag.EnvironmentVariable) is { Length: > 0 } fromEnvironment)
            {
                values[flag.Name] = fromEnvironment;
            }

            if (result.GetResult(flag.Option) is { Implicit: false })
            {
                // The last of a repeated flag wins; only --leader-elect may stand bare, and then means true.
                values[flag.Name] = result.GetValue(flag.Option) is [.., var last] ? last : "true";
            }
        }

        var defaults = new OperatorOptions();
        var serverOverride = Get("konnect-server-url") is { } url ? ParseUrl(url) : null;
        var token = Get("konnect-token")?.Trim();
        var tokenFile = Get("konnect-token-file") is { } file ? ParseFile(file) : null;
        if (token is not null && tokenFile is not null)
        {
            throw new OptionsException("--konnect-token and --konnect-token-file both set the default token: keep one (the file is safer: it stays out of the process arguments)");
        }

        return new OperatorOptions
        {
            Kubeconfig = Get("kubeconfig"),
            Namespaces = Get("namespaces") is { } namespaces
                ? [.. namespaces.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)]
                : [],
            KonnectServerUrl = serverOverride,
            AllowedKonnectServers = AllowedServersFrom(Get("allowed-konnect-servers")),
            Warnings = serverOverride is not null && Get("allowed-konnect-servers") is not null
                ? ["--allowed-konnect-servers is ignored: --konnect-server-url makes that server the only allowed one"]
                : [],
            KonnectToken = token,
            KonnectTokenFile = tokenFile,
            DefaultTokenNamespaces = Get("default-token-namespaces") is { } granted ? ParseGrant(granted) : defaults.DefaultTokenNamespaces,
            KonnectRegion = Get("konnect-region") is { } region ? ParseRegion(region) : defaults.KonnectRegion,
            KonnectRateLimitPerMinute = Get("konnect-rate-limit") is { } limit ? ParseInt("konnect-rate-limit", limit, 1, 1_000_000) : defaults.KonnectRateLimitPerMinute,
            KonnectMaxInFlight = Get("konnect-max-in-flight") is { } inFlight ? ParseInt("konnect-max-in-flight", inFlight, 1, 1000) : defaults.KonnectMaxInFlight,
            KonnectCallTimeout = Get("konnect-call-timeout") is { } callTimeout ? ParseCallTimeout(callTimeout) : defaults.KonnectCallTimeout,
            ResyncPeriod = Get("resync-period") is { } resync ? ParseDuration(resync) : defaults.ResyncPeriod,
            MaxConcurrentReconciles = Get("max-concurrent-reconciles") is { } max ? ParseInt("max-concurrent-reconciles", max, 1, 1000) : defaults.MaxConcurrentReconciles,
            HttpPort = Get("http-port") is { } port ? ParseInt("http-port", port, 0, 65535) : defaults.HttpPort,
            LeaderElect = Get("leader-elect") is { } elect ? ParseBool(elect) : null,
            LeaderElectionNamespace = Get("leader-election-namespace"),
        };

        string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;
    }

    private static Uri ParseUrl(string text) =>
        AllowedServers.Parse(text)
            ?? throw new OptionsException($"--konnect-server-url: '{text}' is not an absolute http(s) URL without user info, query or fragment");

    /// <summary>The listed servers, else the six region URLs (with an override, <see cref="AllowedServers.For"/> allows only it).</summary>
    private static IReadOnlyList<Uri> AllowedServersFrom(string? listed)
    {
        if (listed is null)
        {
            return AllowedServers.RegionDefaults;
        }

        var entries = listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            throw new OptionsException("--allowed-konnect-servers: give at least one URL, e.g. https://eu.api.konghq.com");
        }

        return [.. entries.Select(e => AllowedServers.Parse(e)
            ?? throw new OptionsException($"--allowed-konnect-servers: '{e}' is not an absolute http(s) URL without user info, query or fragment"))];
    }

    private static string ParseFile(string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new OptionsException("--konnect-token-file needs a path") : text.Trim();

    private static NamespaceGrant ParseGrant(string text)
    {
        var grant = NamespaceGrant.Parse(text);
        var invalid = grant.Namespaces.FirstOrDefault(n => !NamespaceName().IsMatch(n));
        return invalid is null
            ? grant
            : throw new OptionsException($"--default-token-namespaces: '{invalid}' is not a namespace name (or * for every namespace)");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial System.Text.RegularExpressions.Regex NamespaceName();

    private static string ParseRegion(string text)
    {
        var region = text.Trim().ToLowerInvariant();
        return Konnect.KonnectRegions.All.Contains(region)
            ? region
            : throw new OptionsException($"--konnect-region: '{text}' is not one of {string.Join(", ", Konnect.KonnectRegions.All)}");
    }

    private static TimeSpan ParseDuration(string text) =>
        GoDuration.TryParse(text, out var duration) && duration >= TimeSpan.FromSeconds(10)
            ? duration
            : throw new OptionsException($"--resync-period: '{text}' is not a duration of at least 10s (e.g. 10m, 1h)");

    private static TimeSpan ParseCallTimeout(string text) =>
        GoDuration.TryParse(text, out var duration) && duration >= TimeSpan.FromSeconds(1) && duration <= TimeSpan.FromMinutes(10)
            ? duration
            : throw new OptionsException($"--konnect-call-timeout: '{text}' is not a duration from 1s to 10m (e.g. 30s, 2m)");

    private static int ParseInt(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new OptionsException($"--{name}: '{text}' is not a whole number from {min} to {max}");

    private static bool ParseBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new OptionsException($"--leader-elect: '{text}' is not true or false"),
    };

    /// <summary>System.CommandLine's errors, reworded: its messages quote the offending argument, which may be a token.</summary>
    private static void ThrowOnErrors(ParseResult result, IReadOnlyList<string> args)
    {
        // System.CommandLine would take the next argument as the value of "--flag=" (a typo for "--flag=value").
        if (args.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal) && a.EndsWith('=')) is { } empty)
        {
            throw new OptionsException($"flag {empty[..^1]} needs a value after =");
        }

        foreach (var token in result.UnmatchedTokens)
        {
            if (token.StartsWith('-'))
            {
                var equals = token.IndexOf('=', StringComparison.Ordinal);
                throw new OptionsException($"unknown flag {(equals < 0 ? token : token[..equals])}");
            }

            var position = args.ToList().IndexOf(token) + 1;
            throw new OptionsException($"unexpected argument at position {position}: flags start with --, and a flag's value follows it");
        }

        foreach (var error in result.Errors)
        {
            throw error.SymbolResult is OptionResult option
                ? new OptionsException($"flag {option.Option.Name} needs a value")
                : new OptionsException("the command line could not be read: flags start with --, and a flag's value follows it");
        }
    }
}
