using System.Net;
using k8s;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

/// <summary>Query parameters as other clients spell them, parsed the way apimachinery's parameter codec does.</summary>
public sealed class QueryParameterTests
{
    [Theory]
    [InlineData("True")]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData("t")]
    public async Task Watch_spelled_as_other_clients_send_it_streams_events(string watch)
    {
        await using var sandbox = await ApiFixture.StartAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "seen" } }, "default", cancellationToken: ApiFixture.Ct);
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var (code, first) = await RawHttp.FirstLineAsync(http, $"api/v1/namespaces/default/configmaps?watch={watch}");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("ADDED", first!["type"]!.GetValue<string>());
        Assert.Equal("seen", first["object"]!["metadata"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("FALSE")]
    [InlineData("0")]
    public async Task Watch_false_in_any_case_lists(string watch)
    {
        await using var sandbox = await ApiFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var (code, body) = await RawHttp.SendAsync(http, HttpMethod.Get, $"api/v1/namespaces/default/configmaps?watch={watch}");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("ConfigMapList", body!["kind"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("api/v1/namespaces/default/configmaps?limit=abc", "strconv.ParseInt: parsing \"abc\": invalid syntax")]
    [InlineData("api/v1/namespaces/default/configmaps?limit=99999999999999999999", "strconv.ParseInt: parsing \"99999999999999999999\": value out of range")]
    [InlineData("api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=soon", "strconv.ParseInt: parsing \"soon\": invalid syntax")]
    [InlineData("api/v1/namespaces/default/configmaps?timeout=5", "invalid timeout specified in the request URL - time: missing unit in duration \"5\"")]
    [InlineData("api/v1/namespaces/default/configmaps?timeout=5y", "invalid timeout specified in the request URL - time: unknown unit \"y\" in duration \"5y\"")]
    [InlineData("api/v1/namespaces/default/configmaps?timeout=later", "invalid timeout specified in the request URL - time: invalid duration \"later\"")]
    public async Task Unparsable_integers_and_durations_are_400(string path, string message)
    {
        await using var sandbox = await ApiFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var (code, body) = await RawHttp.SendAsync(http, HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("BadRequest", body!["reason"]!.GetValue<string>());
        Assert.Equal(message, body["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("32s")]
    [InlineData("1m30s")]
    [InlineData("1.5h")]
    [InlineData("0")]
    public async Task Go_durations_in_timeout_are_accepted(string timeout)
    {
        await using var sandbox = await ApiFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var (code, _) = await RawHttp.SendAsync(http, HttpMethod.Get, $"api/v1/namespaces/default/configmaps?timeout={timeout}");

        Assert.Equal(HttpStatusCode.OK, code);
    }

    [Fact]
    public async Task Invalid_list_options_are_422_on_ListOptions()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var (code, body) = await RawHttp.SendAsync(http, HttpMethod.Get, "api/v1/namespaces/default/configmaps?resourceVersionMatch=Exact");
        var (watchCode, watchBody) = await RawHttp.SendAsync(http, HttpMethod.Get, "api/v1/namespaces/default/configmaps?watch=true&sendInitialEvents=true");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal(
            "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided",
            body!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, watchCode);
        Assert.Contains("sendInitialEvents requires setting resourceVersionMatch to NotOlderThan", watchBody!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_write_options_are_422_on_their_options_kind()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm" } }, "default", cancellationToken: ApiFixture.Ct);
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var dryRun = await RawHttp.SendAsync(http, HttpMethod.Post, "api/v1/namespaces/default/configmaps?dryRun=Everything", """{"metadata":{"name":"x"}}""");
        var force = await RawHttp.SendAsync(http, HttpMethod.Patch, "api/v1/namespaces/default/configmaps/cm?force=true", """{"data":{"a":"b"}}""", "application/merge-patch+json");
        var noManager = await RawHttp.SendAsync(http, HttpMethod.Patch, "api/v1/namespaces/default/configmaps/cm", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm"}}""", "application/apply-patch+yaml");
        var policy = await RawHttp.SendAsync(http, HttpMethod.Delete, "api/v1/namespaces/default/configmaps/cm?propagationPolicy=Sideways");
        var grace = await RawHttp.SendAsync(http, HttpMethod.Delete, "api/v1/namespaces/default/configmaps/cm?gracePeriodSeconds=soon");

        Assert.Equal(
            (HttpStatusCode.UnprocessableEntity, "CreateOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported value: []string{\"Everything\"}: supported values: \"All\""),
            (dryRun.Code, dryRun.Body!["message"]!.GetValue<string>()));
        Assert.Equal(
            (HttpStatusCode.UnprocessableEntity, "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch"),
            (force.Code, force.Body!["message"]!.GetValue<string>()));
        Assert.Equal(
            (HttpStatusCode.UnprocessableEntity, "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"),
            (noManager.Code, noManager.Body!["message"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, policy.Code);
        Assert.StartsWith("DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"Sideways\"", policy.Body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "strconv.ParseInt: parsing \"soon\": invalid syntax"), (grace.Code, grace.Body!["message"]!.GetValue<string>()));
        Assert.NotNull(await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("cm", "default", cancellationToken: ApiFixture.Ct));
    }

    [Fact]
    public async Task DryRun_All_through_KubernetesClient_still_stores_nothing()
    {
        await using var sandbox = await ApiFixture.StartAsync();

        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "dry" } }, "default", dryRun: "All", cancellationToken: ApiFixture.Ct);
        var list = await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: ApiFixture.Ct);

        Assert.DoesNotContain(list.Items, c => c.Metadata.Name == "dry");
    }

    [Theory]
    [InlineData("?pretty=true", null, true)]
    [InlineData("?pretty=T", null, true)]
    [InlineData("?pretty=1", null, true)]
    [InlineData("?pretty=maybe", null, false)]
    [InlineData("?pretty=False", "curl/8.5.0", false)]
    [InlineData("", "curl/8.5.0", true)]
    [InlineData("", "OpenAPI-Generator/31.0.0/python", false)]
    public async Task Pretty_follows_strconv_ParseBool_then_the_user_agent(string query, string? userAgent, bool indented)
    {
        await using var sandbox = await ApiFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/namespaces/default{query}");
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        using var response = await http.SendAsync(request, ApiFixture.Ct);
        var text = await response.Content.ReadAsStringAsync(ApiFixture.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(indented, text.StartsWith("{\n  \"", StringComparison.Ordinal));
        Assert.Equal("Namespace", System.Text.Json.Nodes.JsonNode.Parse(text)!["kind"]!.GetValue<string>());
    }
}
