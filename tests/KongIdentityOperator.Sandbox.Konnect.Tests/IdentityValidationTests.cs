using System.Net;
using KongIdentityOperator.Sandbox.Konnect.Tests.Support;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>Schema violations of Kong Identity give 400 problem+json with one <c>invalid_parameters</c> entry per violation.</summary>
public sealed class IdentityValidationTests
{
    [Theory]
    [InlineData("""{"audience":"a"}""", "name", "required")]
    [InlineData("""{"name":"","audience":"a"}""", "name", "min_length")]
    [InlineData("""{"name":"x","audience":"a","signing_algorithm":"HS256"}""", "signing_algorithm", "enum")]
    [InlineData("""{"name":"x","audience":"a","colour":"blue"}""", "colour", "unknown_property")]
    [InlineData("""{"name":"x","audience":"a","labels":{"kong-env":"x"}}""", "labels.kong-env", "is_label")]
    [InlineData("""{"name":"x","audience":"a","labels":{"env":"-bad"}}""", "labels.env", "is_label")]
    [InlineData("""{"name":"x","audience":"a","trusted_origins":["not a uri"]}""", "trusted_origins[0]", "invalid")]
    [InlineData("""{"name":7,"audience":"a"}""", "name", "is_string")]
    public async Task Auth_server_violations_are_reported_with_field_and_rule(string body, string field, string rule)
    {
        await using var api = await EmulatorClient.StartAsync();

        var response = await api.PostAsync("/v1/auth-servers", body);

        AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains((field, rule), response.InvalidParameters());
    }

    [Theory]
    [InlineData("""{"grant_types":["client_credentials"],"response_types":["token"]}""", "name", "required")]
    [InlineData("""{"name":"c","grant_types":["client_credentials"],"response_types":["token"],"access_token_duration":59}""", "access_token_duration", "min")]
    [InlineData("""{"name":"c","grant_types":["client_credentials"],"response_types":["token"],"id_token_duration":2592001}""", "id_token_duration", "max")]
    [InlineData("""{"name":"c","grant_types":["password"],"response_types":["token"]}""", "grant_types[0]", "enum")]
    [InlineData("""{"name":"c","grant_types":["client_credentials"],"response_types":["bogus"]}""", "response_types[0]", "enum")]
    [InlineData("""{"name":"c","grant_types":["client_credentials"],"response_types":["token"],"token_endpoint_auth_method":"client_secret_basic"}""", "token_endpoint_auth_method", "enum")]
    [InlineData("""{"name":"c","grant_types":["client_credentials"],"response_types":["token"],"allow_scopes":["not-a-uuid"]}""", "allow_scopes[0]", "is_uuid")]
    [InlineData("""{"name":"c","grant_types":["client_credentials"],"response_types":["token"],"allow_scopes":["8b2f3c0e-6f0e-4c8e-9d2a-1f1f1f1f1f1f"]}""", "allow_scopes[0]", "missing_reference")]
    [InlineData("""{"name":"c","grant_types":["client_credentials"]}""", "response_types", "required")]
    [InlineData("""{"name":"c","grant_types":["client_credentials"],"response_types":["token"],"secret":"x"}""", "secret", "unknown_property")]
    [InlineData("""{"name":"c","grant_types":["client_credentials"],"response_types":["token"],"redirect_uris":["http://insecure.example"]}""", "redirect_uris[0]", "invalid")]
    [InlineData("""{"name":"c","grant_types":["client_credentials"],"response_types":["token"],"labels":{"_private":"x"}}""", "labels._private", "is_label")]
    public async Task Client_violations_are_reported_with_field_and_rule(string body, string field, string rule)
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();

        var response = await api.PostAsync($"/v1/auth-servers/{serverId}/clients", body);

        AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains((field, rule), response.InvalidParameters());
    }

    [Fact]
    public async Task Duration_limits_report_the_bound()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();

        var response = await api.PostAsync($"/v1/auth-servers/{serverId}/clients", """
            {"name":"c","grant_types":["client_credentials"],"response_types":["token"],"access_token_duration":10}
            """);

        var entry = Assert.Single(response.Body.GetProperty("invalid_parameters").EnumerateArray());
        Assert.Equal(60, entry.GetProperty("minimum").GetInt32());
        Assert.Equal("body", entry.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Every_violation_of_a_body_is_reported_at_once()
    {
        await using var api = await EmulatorClient.StartAsync();

        var response = await api.PostAsync("/v1/auth-servers", """{"signing_algorithm":"none","extra":1}""");

        Assert.Equal(
            [("name", "required"), ("audience", "required"), ("signing_algorithm", "enum"), ("extra", "unknown_property")],
            response.InvalidParameters().OrderBy(p => p.Field == "extra").ToList());
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("1234")]
    public async Task A_malformed_uuid_in_the_path_is_a_400(string id)
    {
        await using var api = await EmulatorClient.StartAsync();

        var response = await api.GetAsync($"/v1/auth-servers/{id}/scopes");

        AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal([("authServerId", "is_uuid")], response.InvalidParameters());
    }

    [Theory]
    [InlineData("has space", "matches_regex")]
    [InlineData("a-client-id-that-is-longer-than-36-chars", "max_length")]
    public async Task Put_rejects_client_ids_that_break_the_pattern(string clientId, string rule)
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();

        var response = await api.PutAsync($"/v1/auth-servers/{serverId}/clients/{Uri.EscapeDataString(clientId)}", """
            {"name":"c","client_secret":"s","grant_types":["client_credentials"],"response_types":["token"]}
            """);

        AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal([("clientId", rule)], response.InvalidParameters());
    }

    [Fact]
    public async Task Claim_scopes_must_exist_and_templates_must_parse()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();

        var missing = await api.PostAsync($"/v1/auth-servers/{serverId}/claims", """
            {"name":"c","value":"v","include_in_scopes":["0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"]}
            """);
        var badTemplate = await api.PostAsync($"/v1/auth-servers/{serverId}/claims", """{"name":"c","value":"${ nosuchfunction }"}""");
        var badField = await api.PostAsync($"/v1/auth-servers/{serverId}/claims", """{"name":"c","value":"${ .Client.Nope }"}""");

        Assert.Equal([("include_in_scopes[0]", "missing_reference")], missing.InvalidParameters());
        Assert.Equal([("value", "invalid")], badTemplate.InvalidParameters());
        Assert.Equal([("value", "invalid")], badField.InvalidParameters());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        await using var api = await EmulatorClient.StartAsync();

        var response = await api.PostAsync("/v1/auth-servers", "{not json");

        AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal([("body", "invalid")], response.InvalidParameters());
    }

    [Fact]
    public async Task Force_must_be_true_or_false()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();

        var response = await api.DeleteAsync($"/v1/auth-servers/{serverId}?force=yes");

        Assert.Equal([("force", "enum")], response.InvalidParameters());
    }

    internal static void AssertProblem(ApiResponse response, HttpStatusCode status)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal((int)status, response.Body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(response.String("title")));
        Assert.False(string.IsNullOrEmpty(response.String("detail")));
        Assert.Matches("^kong:trace:[0-9]+$", response.String("instance"));
    }
}
