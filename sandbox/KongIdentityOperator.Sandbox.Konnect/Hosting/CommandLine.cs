using System.Globalization;

namespace KongIdentityOperator.Sandbox.Konnect.Hosting;

/// <summary>Parses the <c>konnect</c> command's flags into <see cref="KonnectEmulatorOptions"/>.</summary>
internal static class CommandLine
{
    public const string Usage = """
        usage: konnect --port <P> --token <T> [--token <T2> ...] [options]

          --port <P>                    TCP port on 127.0.0.1 (0 = any free port; default 0)
          --token <T>                   accepted Bearer token (repeatable; none = any token)
          --seed-tutorial               create control plane quickstart with example-service and example-route
          --latency-ms <N>              delay added to every API call
          --error-rate <0.0-1.0>        share of API calls answered with a 5xx
          --rate-limit-per-minute <N>   calls allowed per token per 60 s window (429 beyond)
          --throttle-next <N>           answer the next N API calls with 429
          --latency-spike-ms <N>        length of an occasional latency spike (default 2000)
          --latency-spike-rate <0-1>    share of API calls that get a spike
          --faults-apply-to-issuer      also fault the issuer endpoints
          --seed <N>                    seed for the fault dice

        Kong Identity limits (default: the documented values):
          --max-auth-servers <N>                  auth servers per organization (default 50)
          --max-clients-per-auth-server <N>       clients per auth server (default 5000)
          --max-enabled-secrets <N>               enabled secrets per client (default 2)
          --max-token-requests-per-second <N>     token requests per second per auth server (default 100)
        """;

    /// <summary>Returns the options, or the reason the arguments are wrong.</summary>
    public static (KonnectEmulatorOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new KonnectEmulatorOptions();
        var tokens = new List<string>();
        var faults = EmulatorFaults.None;
        var limits = KonnectEmulatorLimits.Documented;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                return ++i < args.Count ? args[i] : throw new FormatException($"{name} needs a value");
            }

            try
            {
                switch (name)
                {
                    case "--port":
                        options.Port = Integer(Value(), name, 0, 65535);
                        break;
                    case "--token":
                        tokens.Add(Value());
                        break;
                    case "--seed-tutorial":
                        options.SeedTutorial = true;
                        break;
                    case "--latency-ms":
                        faults = faults with { LatencyMs = Integer(Value(), name, 0, int.MaxValue) };
                        break;
                    case "--error-rate":
                        faults = faults with { ErrorRate = Fraction(Value(), name) };
                        break;
                    case "--rate-limit-per-minute":
                        faults = faults with { RateLimitPerMinute = Integer(Value(), name, 0, int.MaxValue) };
                        break;
                    case "--throttle-next":
                        faults = faults with { ThrottleNext = Integer(Value(), name, 0, int.MaxValue) };
                        break;
                    case "--latency-spike-ms":
                        faults = faults with { LatencySpikeMs = Integer(Value(), name, 0, int.MaxValue) };
                        break;
                    case "--latency-spike-rate":
                        faults = faults with { LatencySpikeRate = Fraction(Value(), name) };
                        break;
                    case "--faults-apply-to-issuer":
                        faults = faults with { ApplyToIssuer = true };
                        break;
                    case "--seed":
                        options.RandomSeed = Integer(Value(), name, int.MinValue, int.MaxValue);
                        break;
                    case "--max-auth-servers":
                        limits = limits with { MaxAuthServers = Integer(Value(), name, 1, int.MaxValue) };
                        break;
                    case "--max-clients-per-auth-server":
                        limits = limits with { MaxClientsPerAuthServer = Integer(Value(), name, 1, int.MaxValue) };
                        break;
                    case "--max-enabled-secrets":
                        limits = limits with { MaxEnabledSecretsPerClient = Integer(Value(), name, 1, int.MaxValue) };
                        break;
                    case "--max-token-requests-per-second":
                        limits = limits with { MaxTokenRequestsPerSecond = Integer(Value(), name, 1, int.MaxValue) };
                        break;
                    default:
                        return (null, $"unknown option '{name}'");
                }
            }
            catch (FormatException exception)
            {
                return (null, exception.Message);
            }
        }

        options.Tokens = tokens;
        options.Faults = faults;
        options.Limits = limits;
        return (options, null);
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static int Integer(string text, string name, int minimum, int maximum) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw new FormatException($"{name} must be an integer between {minimum} and {maximum}");

    private static double Fraction(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new FormatException($"{name} must be a number between 0.0 and 1.0");
}
