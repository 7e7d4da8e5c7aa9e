using System.Text.RegularExpressions;
using k8s;
using YamlDotNet.Serialization;

namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>Loads the files of <c>config/samples</c> as typed objects, moved into a test's namespace.</summary>
public static partial class Samples
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();
    private static readonly ISerializer Json = new SerializerBuilder().JsonCompatible().Build();

    public static T Load<T>(string fileName, string @namespace)
        where T : IKubernetesObject
    {
        var yaml = File.ReadAllText(RepositoryRoot.Combine("config", "samples", fileName));
        yaml = NamespaceLine().Replace(yaml, $"${{indent}}namespace: {@namespace}");
        var json = Json.Serialize(Yaml.Deserialize<object>(yaml)!);
        return KubernetesJson.Deserialize<T>(json);
    }

    [GeneratedRegex("(?m)^(?<indent>\\s*)namespace: default\\s*$")]
    private static partial Regex NamespaceLine();
}
