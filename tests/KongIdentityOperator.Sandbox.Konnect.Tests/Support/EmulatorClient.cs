using System.Net.Http.Headers;
using System.Text;

namespace KongIdentityOperator.Sandbox.Konnect.Tests.Support;

/// <summary>A started emulator plus an HttpClient that sends the Bearer token; one per test.</summary>
public sealed class EmulatorClient : IAsyncDisposable
{
    public const string Token = "kpat_test";

    private readonly HttpClient _issuerHttp = new() { Timeout = TimeSpan.FromSeconds(60) };

    private EmulatorClient(KonnectEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public KonnectEmulator Emulator { get; }

    public HttpClient Http { get; }

    public static async Task<EmulatorClient> StartAsync(Action<KonnectEmulatorOptions>? configure = null)
    {
        var options = new KonnectEmulatorOptions { Tokens = [Token, "spat_second"] };
        configure?.Invoke(options);
        return new EmulatorClient(await KonnectEmulator.StartAsync(options, TestContext.Current.CancellationToken));
    }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public Task<ApiResponse> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<ApiResponse> PutAsync(string path, string json) => SendAsync(HttpMethod.Put, path, json);

    public Task<ApiResponse> PatchAsync(string path, string json) => SendAsync(HttpMethod.Patch, path, json);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? json, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return await ApiResponse.ReadAsync(response);
    }

    /// <summary>POSTs and insists on the expected status, returning the body.</summary>
    public async Task<ApiResponse> CreateAsync(string path, string json)
    {
        var response = await PostAsync(path, json);
        Assert.True((int)response.Status == 201, $"POST {path} gave {(int)response.Status}: {response.Text}");
        return response;
    }

    /// <summary>Creates an auth server and returns its id.</summary>
    public async Task<string> CreateAuthServerAsync(string name = "Appointments Dev", string audience = "http://myhttpbin.dev", string extra = "") =>
        (await CreateAsync("/v1/auth-servers", $$"""{"name":"{{name}}","audience":"{{audience}}"{{extra}}}""")).String("id");

    public async Task<string> CreateScopeAsync(string authServerId, string name, string extra = "") =>
        (await CreateAsync($"/v1/auth-servers/{authServerId}/scopes", $$"""{"name":"{{name}}"{{extra}}}""")).String("id");

    public async Task<string> CreateControlPlaneAsync(string name = "quickstart") =>
        (await CreateAsync("/v2/control-planes", $$"""{"name":"{{name}}"}""")).String("id");

    /// <summary>Requests a token from an issuer with form fields; adds <c>client_secret_basic</c> credentials when given.</summary>
    public async Task<ApiResponse> RequestTokenAsync(string tokenEndpoint, IDictionary<string, string> form, (string Id, string Secret)? basic = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        if (basic is { } credentials)
        {
            var raw = Uri.EscapeDataString(credentials.Id) + ":" + Uri.EscapeDataString(credentials.Secret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)));
        }

        using var response = await _issuerHttp.SendAsync(request, TestContext.Current.CancellationToken);
        return await ApiResponse.ReadAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _issuerHttp.Dispose();
        await Emulator.DisposeAsync();
    }
}
