using System.Text.RegularExpressions;

namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>Konnect label rules (kong-identity spec <c>Labels</c>).</summary>
internal static partial class LabelRules
{
    public const int MaxLabels = 50;

    public const string KeyReason = "label keys must be 1-63 characters and must not start with kong, konnect, mesh, kic or _";

    public const string ValueReason = "label values must be 1-63 characters of letters, digits, '-', '.' or '_', starting and ending with a letter or digit";

    private static readonly string[] ReservedPrefixes = ["kong", "konnect", "mesh", "kic", "_"];

    public static bool IsValidKey(string key) =>
        key.Length is >= 1 and <= 63 && !ReservedPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    public static bool IsValidValue(string value) => value.Length is >= 1 and <= 63 && ValuePattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9A-Z]{1}([a-z0-9A-Z-._]*[a-z0-9A-Z]+)?$")]
    private static partial Regex ValuePattern();
}
