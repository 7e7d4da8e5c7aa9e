using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Discovery;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Http;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Selectors;
using KongIdentityOperator.Sandbox.KubeApi.Tables;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Units;

public sealed class ParserTests
{
    [Theory]
    [InlineData("a=1,b!=2,c in (x, y),d notin (z),e,!f", true)]
    [InlineData("a=2", false)]
    [InlineData("c in (q)", false)]
    [InlineData("f", false)]
    [InlineData("!e", false)]
    public void Label_selector_requirements_all_hold(string selector, bool expected)
    {
        var labels = new Dictionary<string, string> { ["a"] = "1", ["b"] = "3", ["c"] = "y", ["d"] = "w", ["e"] = "" };

        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(labels));
    }

    [Theory]
    [InlineData("a in (b")]
    [InlineData("bad key!=x")]
    [InlineData("a=b=c")]
    public void Malformed_label_selectors_are_rejected(string selector)
    {
        Assert.Equal(400, Assert.Throws<StatusException>(() => LabelSelector.Parse(selector)).Code);
    }

    [Fact]
    public void Yaml_scalars_convert_like_sigs_k8s_io_yaml()
    {
        var json = YamlToJson.Convert("a: 1\nb: 1.5\nc: true\nd: null\ne: '1'\nf: \"true\"\ng: text\nh: [x, 2]\ni: ~\nj: 1.0.0\n")!;

        Assert.Equal("""{"a":1,"b":1.5,"c":true,"d":null,"e":"1","f":"true","g":"text","h":["x",2],"i":null,"j":"1.0.0"}""", json.ToJsonString());
    }

    [Theory]
    [InlineData(".spec.size", "3")]
    [InlineData(".status.conditions[?(@.type==\"Ready\")].status", "True")]
    [InlineData(".status.conditions[?(@.type=='Other')].reason", "Because")]
    [InlineData(".status.conditions[0].type", "Other")]
    [InlineData(".metadata.labels['app.kubernetes.io/name']", "web")]
    [InlineData("{.spec.size}", "3")]
    public void JsonPath_subset_used_by_printer_columns(string path, string expected)
    {
        var obj = JsonNode.Parse("""
            {"metadata":{"labels":{"app.kubernetes.io/name":"web"}},"spec":{"size":3},
             "status":{"conditions":[{"type":"Other","status":"False","reason":"Because"},{"type":"Ready","status":"True"}]}}
            """);

        Assert.Equal(expected, SimpleJsonPath.First(obj, path).ScalarText());
    }

    [Fact]
    public void JsonPath_with_no_match_is_null()
    {
        Assert.Null(SimpleJsonPath.First(JsonNode.Parse("""{"a":{}}"""), ".a.b[?(@.x==\"y\")].z"));
    }

    [Theory]
    [InlineData("GET", "/api/v1/namespaces/default/secrets/s", "", "get", "", "v1", "default", "secrets", "s", "")]
    [InlineData("GET", "/api/v1/namespaces/team", "", "get", "", "v1", "", "namespaces", "team", "")]
    [InlineData("PUT", "/api/v1/namespaces/team/finalize", "", "update", "", "v1", "", "namespaces", "team", "finalize")]
    [InlineData("GET", "/apis/example.com/v1/gizmos", "?watch=1", "watch", "example.com", "v1", "", "gizmos", "", "")]
    [InlineData("PATCH", "/apis/example.com/v1/namespaces/ns/gizmos/g/status", "", "patch", "example.com", "v1", "ns", "gizmos", "g", "status")]
    [InlineData("DELETE", "/apis/example.com/v1/namespaces/ns/gizmos", "", "deletecollection", "example.com", "v1", "ns", "gizmos", "", "")]
    public void Request_paths_parse_like_the_real_RequestInfoFactory(
        string method, string path, string query, string verb, string group, string version, string ns, string resource, string name, string subresource)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);

        var info = RequestInfoParser.Parse(context.Request);

        Assert.Equal((true, verb, group, version, ns, resource, name, subresource), (info.IsResourceRequest, info.Verb, info.Group, info.Version, info.Namespace, info.Resource, info.Name, info.Subresource));
    }

    private static readonly string[] Unsorted = ["v1alpha1", "zeta", "v1beta1", "v1", "v2", "v1beta2"];

    [Fact]
    public void Versions_sort_by_kubernetes_priority()
    {
        Assert.Equal(["v2", "v1", "v1beta2", "v1beta1", "v1alpha1", "zeta"], Unsorted.Order(VersionPriority.Instance));
    }
}
