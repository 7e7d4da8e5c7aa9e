using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Schema;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Units;

public sealed class SchemaValidatorTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {"type":"object","properties":{"spec":{"type":"object","properties":{
          "port":{"x-kubernetes-int-or-string":true},
          "ratio":{"type":"number","minimum":0,"maximum":1,"exclusiveMaximum":true},
          "note":{"type":"string","nullable":true,"minLength":2},
          "when":{"type":"string","format":"date-time"},
          "items":{"type":"array","minItems":1,"x-kubernetes-list-type":"set","items":{"type":"string"}},
          "limits":{"type":"object","additionalProperties":{"type":"integer","minimum":0}},
          "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","properties":{"name":{"type":"string"}}}}
        }}}}
        """)!.AsObject();

    private static IReadOnlyList<string> Errors(string spec) =>
        [.. SchemaValidator.Validate(new JsonObject { ["spec"] = JsonNode.Parse(spec) }, Schema).Select(e => e.ToString())];

    [Fact]
    public void A_valid_object_has_no_errors()
    {
        Assert.Empty(Errors("""{"port":"http","ratio":0.5,"note":null,"when":"2026-11-28T07:00:00Z","items":["a","b"],"limits":{"cpu":2},"ports":[{"name":"a"},{"name":"b"}]}"""));
        Assert.Empty(Errors("""{"port":8080}"""));
    }

    [Theory]
    [InlineData("""{"port":true}""", "spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\"")]
    [InlineData("""{"ratio":1}""", "spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1")]
    [InlineData("""{"ratio":-0.5}""", "spec.ratio: Invalid value: -0.5: spec.ratio in body should be greater than or equal to 0")]
    [InlineData("""{"note":"x"}""", "spec.note: Invalid value: \"x\": spec.note in body should be at least 2 chars long")]
    [InlineData("""{"when":"yesterday"}""", "spec.when: Invalid value: \"yesterday\": spec.when in body must be of type date-time: \"yesterday\"")]
    [InlineData("""{"items":[]}""", "spec.items: Invalid value: 0: spec.items in body should have at least 1 items")]
    [InlineData("""{"items":["a","a"]}""", "spec.items[1]: Duplicate value: \"a\"")]
    [InlineData("""{"limits":{"cpu":-1}}""", "spec.limits[cpu]: Invalid value: -1: spec.limits[cpu] in body should be greater than or equal to 0")]
    [InlineData("""{"limits":{"cpu":"x"}}""", "spec.limits[cpu]: Invalid value: \"string\": spec.limits[cpu] in body must be of type integer: \"string\"")]
    [InlineData("""{"ports":[{"name":"a"},{"name":"a"}]}""", "spec.ports[1]: Duplicate value: map[string]interface {}{\"name\":\"a\"}")]
    [InlineData("""{"ratio":null}""", "spec.ratio: Invalid value: \"null\": spec.ratio in body must be of type number: \"null\"")]
    public void Each_keyword_reports_like_the_real_server(string spec, string expected)
    {
        Assert.Equal([expected], Errors(spec));
    }

    [Fact]
    public void Pruning_and_defaulting_follow_the_structural_schema()
    {
        var schema = JsonNode.Parse("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "a":{"type":"string","default":"x"},
              "b":{"type":"object","properties":{"c":{"type":"integer","default":1}}},
              "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
              "list":{"type":"array","items":{"type":"object","properties":{"d":{"type":"string","default":"y"}}}}
            }}}}
            """)!.AsObject();
        var obj = JsonNode.Parse("""{"apiVersion":"v","kind":"K","metadata":{"x":1},"spec":{"b":null,"free":{"any":{"thing":1}},"list":[{"e":1},{}],"gone":1},"extra":2}""")!.AsObject();

        var pruned = Pruner.Prune(obj, schema);
        Defaulter.Apply(obj, schema);

        Assert.Equal(["extra", "spec.gone", "spec.list[0].e"], pruned.Order(StringComparer.Ordinal));
        Assert.Equal("""{"apiVersion":"v","kind":"K","metadata":{"x":1},"spec":{"free":{"any":{"thing":1}},"list":[{"d":"y"},{"d":"y"}],"a":"x"}}""", obj.ToJsonString());
    }
}
