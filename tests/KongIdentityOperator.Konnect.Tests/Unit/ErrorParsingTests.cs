using System.Net;
using KongIdentityOperator.Konnect.CoreEntities;
using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Konnect.Tests.Support;

namespace KongIdentityOperator.Konnect.Tests.Unit;

/// <summary>Every error shape of CONTRACT.md §5, through the real client pipeline over a stub handler.</summary>
public sealed class ErrorParsingTests : IDisposable
{
    private readonly KonnectTestHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bad_request_maps_every_kind_of_invalid_parameter()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Problem(HttpStatusCode.BadRequest, """
            {"status":400,"title":"Bad Request","instance":"kong:trace:1111","detail":"Invalid Parameters",
             "invalid_parameters":[
               {"field":"name","rule":"required","source":"body","reason":"is a required field"},
               {"field":"access_token_duration","rule":"min","minimum":60,"reason":"must be at least 60"},
               {"field":"name","rule":"max_length","maximum":36,"reason":"must not have more than 36 characters"},
               {"field":"grant_types[0]","rule":"enum","choices":["client_credentials","implicit"],"reason":"must be one of"},
               {"field":"login_uri","rule":"dependent_fields","dependents":["redirect_uris"],"reason":"requires"},
               {"field":"labels","reason":"is invalid"}]}
            """));

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => _host.Client().Clients.CreateAsync(Bodies.AuthServerId, new ClientCreate("", ["bogus"], ["token"]), Ct));

        Assert.True(error.IsBadRequest);
        Assert.True(error.IsClientError);
        Assert.Equal("Bad Request", error.Title);
        Assert.Equal("Invalid Parameters", error.Detail);
        Assert.Equal("kong:trace:1111", error.TraceId);
        Assert.Collection(
            error.InvalidParameters,
            p => Assert.Equal(("name", "is a required field", "required", "body"), (p.Field, p.Reason, p.Rule, p.Source)),
            p => Assert.Equal((60L, "min"), (p.Minimum!.Value, p.Rule!)),
            p => Assert.Equal((36L, "max_length"), (p.Maximum!.Value, p.Rule!)),
            p => Assert.Equal(["client_credentials", "implicit"], p.Choices),
            p => Assert.Equal(["redirect_uris"], p.Dependents),
            p => Assert.Null(p.Rule));
        Assert.Contains("access_token_duration: must be at least 60 (min, minimum 60)", error.Message, StringComparison.Ordinal);
        Assert.Contains("one of client_credentials|implicit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conflict_keeps_detail_and_moves_the_trace_id_out_of_the_message()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Problem(HttpStatusCode.Conflict, """
            {"status":409,"title":"Conflict","type":"https://httpstatuses.com/409","instance":"kong:trace:6816496025408232265",
             "detail":"Key (org_id, name)=(0f2c, test1) already exists. (kong:trace:6816496025408232265)"}
            """));

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => _host.Client().AuthServers.CreateAsync(new AuthServerCreate("test1", "aud"), Ct));

        Assert.True(error.IsConflict);
        Assert.True(error.IsUniquenessViolation);
        Assert.Equal("Key (org_id, name)=(0f2c, test1) already exists.", error.Detail);
        Assert.Equal("kong:trace:6816496025408232265", error.TraceId);
        Assert.Equal("https://httpstatuses.com/409", error.ProblemType);
        Assert.Equal(
            "Konnect POST /v1/auth-servers failed: 409 Conflict: Key (org_id, name)=(0f2c, test1) already exists.",
            error.Message);
    }

    [Fact]
    public async Task Core_entities_grpc_style_error_is_parsed()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Json(HttpStatusCode.BadRequest, """
            {"code":3,"message":"name (type: unique) constraint failed",
             "details":[{"@type":"type.googleapis.com/kong.admin.model.v1.ErrorDetail","type":"ERROR_TYPE_FIELD","field":"instance_name","messages":["already exists","kong:trace:99"]}]}
            """));

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => _host.Client().Plugins.CreateAsync("cp-1", PluginScope.Global, new PluginUpsert("upstream-oauth"), Ct));

        Assert.Equal(3, error.Code);
        Assert.Equal("name (type: unique) constraint failed", error.Detail);
        Assert.True(error.IsUniquenessViolation);
        var detail = Assert.Single(error.Details);
        Assert.Equal(("ERROR_TYPE_FIELD", "instance_name"), (detail.Type, detail.Field));
        Assert.Equal(["already exists"], detail.Messages);
        Assert.Contains("/v2/control-planes/{controlPlaneId}/core-entities/plugins", error.Message, StringComparison.Ordinal);
        Assert.Contains("[instance_name: already exists]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uniqueness_reported_only_in_details_is_recognised()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Json(HttpStatusCode.BadRequest, """
            {"code":3,"message":"data constraint error",
             "details":[{"type":"ERROR_TYPE_REFERENCE","field":"name","messages":["name (type: unique) constraint failed for value 'cors': "]}]}
            """));

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => _host.Client().Plugins.CreateAsync("cp-1", PluginScope.Service("svc"), new PluginUpsert("cors"), Ct));

        Assert.True(error.IsUniquenessViolation);
        Assert.Equal("data constraint error", error.Detail);
    }

    [Fact]
    public async Task Usage_constraint_403_of_core_entities_is_parsed()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Json(HttpStatusCode.Forbidden, """
            {"code":7,"message":"usage constraint error","details":[{"type":"ERROR_TYPE_REFERENCE","messages":["operation not permitted on KIC cluster"]}]}
            """));

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => _host.Client().Plugins.UpsertAsync("cp-1", PluginScope.Route("r"), "p1", new PluginUpsert("upstream-oauth"), Ct));

        Assert.True(error.IsForbidden);
        Assert.Equal(7, error.Code);
        Assert.False(error.IsUniquenessViolation);
        Assert.Contains("operation not permitted on KIC cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_only_body_is_parsed()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Json(HttpStatusCode.Unauthorized, """{"message":"Unauthorized","status":401}"""));

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => _host.Client().ControlPlanes.ListAsync(null, Ct));

        Assert.True(error.IsUnauthorized);
        Assert.Equal("Unauthorized", error.Detail);
        Assert.Equal("Konnect GET /v2/control-planes failed: 401 Unauthorized", error.Message);
    }

    [Fact]
    public async Task Empty_body_still_gives_a_useful_message()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Empty(HttpStatusCode.Forbidden));

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => _host.Client().Scopes.PatchAsync(Bodies.AuthServerId, "s1", new ScopePatch { Enabled = false }, Ct));

        Assert.Null(error.Detail);
        Assert.Equal("Forbidden", error.Title);
        Assert.Equal("Konnect PATCH /v1/auth-servers/{authServerId}/scopes/{scopeId} failed: 403 Forbidden", error.Message);
    }

    [Fact]
    public async Task Non_json_body_is_kept_short()
    {
        var html = "<html><body>" + new string('x', 5000) + "</body></html>";
        _host.Handler.Respond(_ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent(html) });

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => _host.Client().Clients.CreateAsync(Bodies.AuthServerId, new ClientCreate("n", ["client_credentials"], ["token"]), Ct));

        Assert.True(error.IsServerError);
        Assert.StartsWith("<html><body>xxx", error.Detail, StringComparison.Ordinal);
        Assert.True(error.Detail!.Length <= 200);
        Assert.True(error.Message.Length <= 600);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Secrets_sent_in_the_request_and_the_token_never_reach_the_exception()
    {
        const string clientSecret = "chosen-client-secret-0123456789";
        _host.Handler.Respond(request => StubHttpHandler.Problem(HttpStatusCode.BadRequest, $$"""
            {"status":400,"title":"Bad Request","instance":"kong:trace:1",
             "detail":"secret {{clientSecret}} rejected for token {{request.Authorization!.Parameter}}",
             "invalid_parameters":[{"field":"client_secret","rule":"invalid","reason":"{{clientSecret}} is weak"}]}
            """));

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => _host.Client().Clients.UpsertAsync(
            Bodies.AuthServerId, "my-client", new ClientUpsert("n", clientSecret, ["client_credentials"], ["token"]), Ct));

        foreach (var text in new[] { error.Message, error.ToString(), error.Detail!, error.InvalidParameters[0].Reason })
        {
            Assert.DoesNotContain(clientSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(KonnectTestHost.Token, text, StringComparison.Ordinal);
        }

        Assert.Equal("secret *** rejected for token ***", error.Detail);
    }

    [Fact]
    public async Task Message_names_the_route_template_not_the_url_or_ids()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Problem(HttpStatusCode.NotFound, """{"status":404,"title":"Not Found","instance":"kong:trace:2","detail":"Not Found"}"""));

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => _host.Client().Clients.PatchAsync(
            "a-very-identifiable-auth-server", "client-id-value", new ClientPatch { Name = "x" }, Ct));

        Assert.True(error.IsNotFound);
        Assert.Equal("/v1/auth-servers/{authServerId}/clients/{clientId}", error.Route);
        Assert.Equal("PATCH", error.Method);
        Assert.DoesNotContain("a-very-identifiable-auth-server", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("client-id-value", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("konghq.com", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "BadRequest,ClientError")]
    [InlineData(HttpStatusCode.Unauthorized, "Unauthorized,ClientError")]
    [InlineData(HttpStatusCode.Forbidden, "Forbidden,ClientError")]
    [InlineData(HttpStatusCode.NotFound, "NotFound,ClientError")]
    [InlineData(HttpStatusCode.Conflict, "Conflict,ClientError,Uniqueness")]
    [InlineData(HttpStatusCode.TooManyRequests, "RateLimited,ClientError,Transient")]
    [InlineData(HttpStatusCode.InternalServerError, "ServerError,Transient")]
    [InlineData(HttpStatusCode.NotImplemented, "ServerError")]
    public void Status_helpers_classify(HttpStatusCode status, string expected)
    {
        var error = new KonnectApiException(status, "GET", "/v1/auth-servers");
        var facts = new List<string>();
        void Add(bool fact, string name)
        {
            if (fact)
            {
                facts.Add(name);
            }
        }

        Add(error.IsBadRequest, "BadRequest");
        Add(error.IsUnauthorized, "Unauthorized");
        Add(error.IsForbidden, "Forbidden");
        Add(error.IsNotFound, "NotFound");
        Add(error.IsConflict, "Conflict");
        Add(error.IsRateLimited, "RateLimited");
        Add(error.IsClientError, "ClientError");
        Add(error.IsServerError, "ServerError");
        Add(error.IsUniquenessViolation, "Uniqueness");
        Add(error.IsTransient, "Transient");

        Assert.Equal(expected, string.Join(",", facts));
    }

    [Fact]
    public void Exceptions_can_be_built_by_callers_for_their_own_tests()
    {
        var error = new KonnectApiException(HttpStatusCode.NotFound, "DELETE", "/v1/auth-servers/{authServerId}") { Detail = "gone" };

        Assert.Equal("Konnect DELETE /v1/auth-servers/{authServerId} failed: 404 NotFound: gone", error.Message);
    }

    public void Dispose() => _host.Dispose();
}
