using System.Text.RegularExpressions;
using KongIdentityOperator.Credentials;

namespace KongIdentityOperator.Tests.Unit.Credentials;

public sealed partial class SecretGeneratorTests
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    [Fact]
    public void A_client_secret_is_256_bits_as_43_base64url_characters()
    {
        var secret = SecretGenerator.NewClientSecret();

        Assert.Equal(43, secret.Length);
        Assert.Matches(Base64Url(), secret);
        Assert.Equal(32, Convert.FromBase64String(secret.Replace('-', '+').Replace('_', '/') + "=").Length);
    }

    [Fact]
    public void A_thousand_client_secrets_are_distinct()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => SecretGenerator.NewClientSecret()).ToList();

        Assert.Equal(1000, secrets.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Client_secrets_use_the_whole_alphabet_evenly()
    {
        // 1,000 secrets hold 43,000 characters: each of the 64 symbols is expected about 670 times. A generator that
        // skipped symbols or favoured some (e.g. a modulo bias or a hex-only source) falls far outside these bounds.
        var counts = Enumerable.Range(0, 1000)
            .SelectMany(_ => SecretGenerator.NewClientSecret())
            .GroupBy(c => c)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Base64UrlAlphabet.Order(), counts.Keys.Order());
        Assert.All(counts.Values, count => Assert.InRange(count, 400, 1000));
    }

    [Fact]
    public void Versions_are_16_hex_characters_and_distinct()
    {
        var versions = Enumerable.Range(0, 1000).Select(_ => SecretGenerator.NewVersion()).ToList();

        Assert.All(versions, v => Assert.Matches(LowerHex16(), v));
        Assert.Equal(1000, versions.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void The_fingerprint_is_the_lowercase_sha256_hex_of_the_utf8_secret(string secret, string expected) =>
        Assert.Equal(expected, SecretGenerator.Fingerprint(secret));

    [Fact]
    public void The_fingerprint_changes_with_any_character()
    {
        var secret = SecretGenerator.NewClientSecret();
        var edited = (secret[0] == 'A' ? "B" : "A") + secret[1..];

        Assert.NotEqual(SecretGenerator.Fingerprint(secret), SecretGenerator.Fingerprint(edited));
        Assert.DoesNotContain(secret, SecretGenerator.Fingerprint(secret), StringComparison.Ordinal);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Base64Url();

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex LowerHex16();
}
