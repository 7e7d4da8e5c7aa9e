using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace KongIdentityOperator.Chaos.BadInput;

/// <summary>Manifests of the five kinds from a flow-style spec, and their JSON for the API server.</summary>
internal static partial class Manifest
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();
    private static readonly ISerializer Json = new SerializerBuilder().JsonCompatible().Build();

    public static string Of(string kind, string name, string spec) => $"""
        apiVersion: identity.konghq.com/v1alpha1
        kind: {kind}
        metadata:
          name: {name}
        spec: {spec}
        """;

    public static string KindOf(string yaml) => yaml.Split('\n').First(l => l.StartsWith("kind:", StringComparison.Ordinal))["kind:".Length..].Trim();

    /// <summary>The resource (plural) the API server serves the manifest's kind under.</summary>
    public static string PluralOf(string yaml) => KindOf(yaml) switch
    {
        "AuthServer" => "authservers",
        "Scope" => "scopes",
        "Claim" => "claims",
        "Client" => "clients",
        "UpstreamOAuthPolicy" => "upstreamoauthpolicies",
        var other => throw new InvalidOperationException($"unknown kind {other}"),
    };

    /// <summary>The manifest as JSON, in <paramref name="namespace"/>; YAML scalars keep their types (42 stays a number).</summary>
    public static string ToJson(string yaml, string @namespace) =>
        Json.Serialize(Yaml.Deserialize<object>(MetadataLine().Replace(yaml, $"metadata:\n  namespace: {@namespace}")))!;

    [GeneratedRegex("^metadata:", RegexOptions.Multiline)]
    private static partial Regex MetadataLine();
}
