using System.Text.Json.Nodes;
using k8s;
using KongIdentityOperator.Tests.Unit.Cel;
using KongIdentityOperator.Transpiler;

namespace KongIdentityOperator.Tests.Unit.Crds;

/// <summary>The YAML files must mean what the transpiler built once kubectl has read them (types of defaults, quoting).</summary>
public sealed class CrdYamlTests
{
    public static TheoryData<string> Kinds() => [.. GeneratedCrds.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Kubectl_reads_the_yaml_as_the_transpiled_crd(string kind)
    {
        var crd = GeneratedCrds.Of(kind);

        var read = Assert.Single(YamlJson.Documents(CrdYaml.Serialize(crd)));

        var built = JsonNode.Parse(KubernetesJson.Serialize(crd));
        Assert.True(JsonNode.DeepEquals(built, read), $"{CrdYaml.FileName(crd)} reads differently from what was built");
    }

    [Fact]
    public void Condition_statuses_stay_strings()
    {
        var read = YamlJson.Documents(CrdYaml.Serialize(GeneratedCrds.Of("Scope")))[0];

        var statusEnum = read["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["status"]!["properties"]!["conditions"]!["items"]!["properties"]!["status"]!["enum"]!;

        Assert.Equal(["True", "False", "Unknown"], statusEnum.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void The_status_default_stays_a_number()
    {
        var read = YamlJson.Documents(CrdYaml.Serialize(GeneratedCrds.Of("Client")))[0];

        var observed = read["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["status"]!["default"]!["observedGeneration"]!;

        Assert.Equal(-1, observed.GetValue<long>());
    }
}
