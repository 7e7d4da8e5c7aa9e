namespace KongIdentityOperator.Sandbox.Konnect.Tests.Support;

/// <summary>An auth server with a client, ready to request tokens from.</summary>
public sealed record IdentitySetup(EmulatorClient Api, string ServerId, string Issuer, string ClientId, string ClientSecret)
{
    public string TokenEndpoint => Issuer + "/oauth/token";

    /// <summary>Creates an auth server (extra JSON fields allowed) and a client (extra JSON fields allowed) after running <paramref name="beforeClient"/>.</summary>
    public static async Task<IdentitySetup> CreateAsync(
        EmulatorClient api,
        Func<string, Task<string>>? beforeClient = null,
        string serverExtra = "",
        string serverName = "s")
    {
        var server = await api.CreateAsync("/v1/auth-servers", $$"""{"name":"{{serverName}}","audience":"api://orders"{{serverExtra}}}""");
        var serverId = server.String("id");
        var clientExtra = beforeClient is null ? "" : await beforeClient(serverId);
        var client = await api.CreateAsync($"/v1/auth-servers/{serverId}/clients", $$"""
            {"name":"orders-client","grant_types":["client_credentials"],"response_types":["token"],"labels":{"env":"prod"}{{clientExtra}}}
            """);
        return new IdentitySetup(api, serverId, server.String("issuer"), client.String("id"), client.String("client_secret"));
    }

    public Task<ApiResponse> TokenAsync(string? scope = null, string? secret = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = secret ?? ClientSecret,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return Api.RequestTokenAsync(TokenEndpoint, form);
    }
}
