using System.Text.RegularExpressions;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>Object name validation (DNS-1123) and <c>generateName</c> suffixes, as apimachinery does them.</summary>
internal static partial class NameRules
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
    private const int SuffixLength = 5;
    private const int MaxGeneratedPrefix = 63 - SuffixLength;

    private const string SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    /// <summary>The validation errors for <paramref name="name"/> under the resource's name rule.</summary>
    public static IEnumerable<FieldError> Validate(string name, NameRule rule)
    {
        switch (rule)
        {
            case NameRule.Label when name.Length > 63:
                yield return new FieldError(FieldError.Invalid, "metadata.name", $"Invalid value: \"{name}\": must be no more than 63 characters");
                break;
            case NameRule.Label when !LabelPattern().IsMatch(name):
                yield return new FieldError(FieldError.Invalid, "metadata.name", $"Invalid value: \"{name}\": {LabelMessage}");
                break;
            case NameRule.Subdomain when name.Length > 253:
                yield return new FieldError(FieldError.Invalid, "metadata.name", $"Invalid value: \"{name}\": must be no more than 253 characters");
                break;
            case NameRule.Subdomain when !SubdomainPattern().IsMatch(name):
                yield return new FieldError(FieldError.Invalid, "metadata.name", $"Invalid value: \"{name}\": {SubdomainMessage}");
                break;
            case NameRule.PathSegment when name is "." or ".." || name.Contains('/', StringComparison.Ordinal) || name.Contains('%', StringComparison.Ordinal):
                yield return new FieldError(FieldError.Invalid, "metadata.name", $"Invalid value: \"{name}\": may not contain '/' or '%' and may not be '.' or '..'");
                break;
        }
    }

    public static string Generate(string prefix)
    {
        if (prefix.Length > MaxGeneratedPrefix)
        {
            prefix = prefix[..MaxGeneratedPrefix];
        }

        Span<char> suffix = stackalloc char[SuffixLength];
        for (var i = 0; i < SuffixLength; i++)
        {
            suffix[i] = Alphabet[Random.Shared.Next(Alphabet.Length)];
        }

        return prefix + new string(suffix);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex SubdomainPattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex LabelPattern();
}
