using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Patching;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Units;

public sealed class PatchEngineTests
{
    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Merge_patch_follows_rfc_7386()
    {
        var result = JsonMergePatch.Apply(Obj("""{"a":"b","c":{"d":"e","f":"g"},"l":[1,2]}"""), Obj("""{"a":"z","c":{"f":null},"l":[3]}"""));

        Assert.Equal("""{"a":"z","c":{"d":"e"},"l":[3]}""", result!.ToJsonString());
    }

    [Fact]
    public void Json_patch_supports_move_remove_and_array_insertion()
    {
        var result = JsonPatch.Apply(
            Obj("""{"a":{"b":1},"l":[1,3]}"""),
            JsonNode.Parse("""[{"op":"move","from":"/a/b","path":"/c"},{"op":"add","path":"/l/1","value":2},{"op":"remove","path":"/a"}]""")!.AsArray());

        Assert.Equal("""{"l":[1,2,3],"c":1}""", result.ToJsonString());
    }

    [Theory]
    [InlineData("""[{"op":"remove","path":"/missing"}]""")]
    [InlineData("""[{"op":"replace","path":"/x/y","value":1}]""")]
    [InlineData("""[{"op":"test","path":"/a","value":2}]""")]
    [InlineData("""[{"op":"frobnicate","path":"/a"}]""")]
    public void Json_patch_errors_are_reported(string operations)
    {
        Assert.Throws<PatchException>(() => JsonPatch.Apply(Obj("""{"a":1}"""), JsonNode.Parse(operations)!.AsArray()));
    }

    [Fact]
    public void Strategic_merge_merges_lists_by_key_and_honours_directives()
    {
        var original = Obj("""
            {"metadata":{"finalizers":["a"]},
             "spec":{"containers":[{"name":"app","image":"1","ports":[{"containerPort":80,"name":"http"}]},{"name":"old","image":"x"}],
                     "args":["x","y"],
                     "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}
            """);
        var patch = Obj("""
            {"metadata":{"finalizers":["b"]},
             "spec":{"$setElementOrder/containers":[{"name":"app"}],
                     "containers":[{"name":"app","image":"2","ports":[{"containerPort":443,"name":"https"}]},{"name":"old","$patch":"delete"},{"name":"new","image":"n"}],
                     "args":["z"],
                     "strategy":{"$retainKeys":["type"],"type":"Recreate"}}}
            """);

        var result = StrategicMergePatch.Apply(original, patch);

        Assert.Equal("""["a","b"]""", result["metadata"]!["finalizers"]!.ToJsonString());
        var containers = result["spec"]!["containers"]!.AsArray();
        Assert.Equal(["app", "new"], containers.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal("2", containers[0]!["image"]!.GetValue<string>());
        Assert.Equal("[80,443]", new JsonArray([.. containers[0]!["ports"]!.AsArray().Select(p => (JsonNode?)p!["containerPort"]!.GetValue<int>())]).ToJsonString());
        Assert.Equal("""["z"]""", result["spec"]!["args"]!.ToJsonString());
        Assert.Equal("""{"type":"Recreate"}""", result["spec"]!["strategy"]!.ToJsonString());
        Assert.Null(result["spec"]!["$setElementOrder/containers"]);
    }

    [Fact]
    public void Strategic_merge_replace_directive_and_primitive_list_deletion()
    {
        var original = Obj("""{"metadata":{"finalizers":["a","b"]},"data":{"x":"1","y":"2"}}""");
        var patch = Obj("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]},"data":{"$patch":"replace","z":"3"}}""");

        var result = StrategicMergePatch.Apply(original, patch);

        Assert.Equal("""["b"]""", result["metadata"]!["finalizers"]!.ToJsonString());
        Assert.Equal("""{"z":"3"}""", result["data"]!.ToJsonString());
    }
}
