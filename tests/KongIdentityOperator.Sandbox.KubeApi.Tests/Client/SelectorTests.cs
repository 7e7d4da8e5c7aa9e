using System.Text.Json.Nodes;
using k8s;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

public sealed class SelectorTests
{
    private static async Task<ApiFixture> SeededAsync()
    {
        var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("a", labels: new() { ["tier"] = "front", ["env"] = "prod" }));
        await sandbox.CreateGizmoAsync(Gizmos.New("b", labels: new() { ["tier"] = "back", ["env"] = "prod" }));
        await sandbox.CreateGizmoAsync(Gizmos.New("c", labels: new() { ["tier"] = "cache" }));
        await sandbox.CreateGizmoAsync(Gizmos.New("d"));
        return sandbox;
    }

    private static string Names(JsonArray items) => string.Join(",", items.Select(i => i!["metadata"]!["name"]!.GetValue<string>()));

    [Theory]
    [InlineData("tier=front", "a")]
    [InlineData("tier==back", "b")]
    [InlineData("tier!=front", "b,c,d")]
    [InlineData("tier in (front,cache)", "a,c")]
    [InlineData("tier notin (front,cache)", "b,d")]
    [InlineData("env", "a,b")]
    [InlineData("!env", "c,d")]
    [InlineData("env=prod,tier=back", "b")]
    public async Task Label_selectors_filter_lists(string selector, string expected)
    {
        await using var sandbox = await SeededAsync();

        Assert.Equal(expected, Names(await sandbox.ListGizmosAsync(labelSelector: selector)));
    }

    [Theory]
    [InlineData("metadata.name=c", "c")]
    [InlineData("metadata.name!=c", "a,b,d")]
    [InlineData("metadata.namespace=default", "a,b,c,d")]
    public async Task Field_selectors_filter_lists(string selector, string expected)
    {
        await using var sandbox = await SeededAsync();

        Assert.Equal(expected, Names(await sandbox.ListGizmosAsync(fieldSelector: selector)));
    }

    [Fact]
    public async Task Unsupported_field_selector_on_a_custom_resource_is_400()
    {
        await using var sandbox = await SeededAsync();

        var status = await ApiFixture.FailureAsync(() => sandbox.ListGizmosAsync(fieldSelector: "spec.size=3"));

        Assert.Equal(400, status.Code);
        Assert.Contains("field label not supported: spec.size", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_label_selector_is_400()
    {
        await using var sandbox = await SeededAsync();

        var status = await ApiFixture.FailureAsync(() => sandbox.ListGizmosAsync(labelSelector: "tier in (a"));

        Assert.Equal(400, status.Code);
    }

    [Fact]
    public async Task Limit_and_continue_page_through_a_list()
    {
        await using var sandbox = await SeededAsync();

        var first = ApiFixture.ToNode(await sandbox.Client.CustomObjects.ListNamespacedCustomObjectAsync(
            Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, limit: 3, cancellationToken: ApiFixture.Ct));
        var token = first["metadata"]!["continue"]!.GetValue<string>();
        var second = ApiFixture.ToNode(await sandbox.Client.CustomObjects.ListNamespacedCustomObjectAsync(
            Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, continueParameter: token, limit: 3, cancellationToken: ApiFixture.Ct));

        Assert.Equal("a,b,c", Names(first["items"]!.AsArray()));
        Assert.Equal(1, first["metadata"]!["remainingItemCount"]!.GetValue<int>());
        Assert.Equal("d", Names(second["items"]!.AsArray()));
        Assert.Null(second["metadata"]!["continue"]);
    }
}
