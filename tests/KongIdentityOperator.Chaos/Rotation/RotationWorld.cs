using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Entities;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Chaos.Rotation;

/// <summary>
/// One team's tutorial (AuthServer, Scope, Client with a short grace period, UpstreamOAuthPolicy) run by the real
/// operator process, with both of its connections — to Konnect and to the API server — through taps that can hold a
/// chosen request until the operator is killed, so a rotation can be stopped between any two of its steps.
/// </summary>
internal sealed class RotationWorld : IAsyncDisposable
{
    public const string Namespace = "rotation";
    public const string ClientName = "app";
    public const string SecretName = "app-credentials";

    private readonly WorkDirectory _work;
    private readonly string _token = "spat_rotation_" + RandomNumberGenerator.GetHexString(24, lowercase: true);
    private ChaosSandbox? _sandbox;
    private HttpTap? _konnectTap;
    private HttpTap? _kubeTap;
    private int _held;
    private int _launches;

    private RotationWorld(string name) => _work = new WorkDirectory(name);

    public ChaosSandbox Sandbox => _sandbox!;

    public HttpTap KonnectTap => _konnectTap!;

    public HttpTap KubeTap => _kubeTap!;

    public OperatorProcess? Operator { get; private set; }

    /// <summary>Konnect requests for which this returns true are held until the operator is gone.</summary>
    public Func<HttpRequest, bool>? HoldKonnect { get; set; }

    /// <summary>API-server requests for which this returns true are held until the operator is gone.</summary>
    public Func<HttpRequest, bool>? HoldKube { get; set; }

    /// <summary>How many requests have been held so far.</summary>
    public int Held => Volatile.Read(ref _held);

    public string AuthServerId { get; private set; } = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<RotationWorld> StartAsync(string name, string gracePeriod)
    {
        var world = new RotationWorld(name);
        world._sandbox = await ChaosSandbox.StartAsync([world._token], world._work, Ct);
        world._konnectTap = await HttpTap.StartAsync(world._sandbox.Konnect.BaseAddress, Ct, world.HoldIf(() => world.HoldKonnect));
        world._kubeTap = await HttpTap.StartAsync(world._sandbox.Kube.BaseAddress, Ct, world.HoldIf(() => world.HoldKube));
        world._kubeTap.WriteKubeconfig(world._work.File("tapped-kubeconfig"));
        await world._sandbox.CreateNamespaceAsync(Namespace, world._token, Ct);
        await world.StartOperatorAsync();

        var client = world.Sandbox.Client;
        await Writes.CreateAsync(client, new AuthServer { Metadata = new() { Name = "issuer", NamespaceProperty = Namespace }, Spec = new() { Audience = "https://api.example.com", Konnect = new() { TokenSecretRef = new() { Name = ChaosSandbox.TokenSecretName } } } }, Ct);
        await Writes.CreateAsync(client, new Scope { Metadata = new() { Name = "read", NamespaceProperty = Namespace }, Spec = new() { AuthServerRef = new() { Name = "issuer" } } }, Ct);
        await Writes.CreateAsync(client, new Client { Metadata = new() { Name = ClientName, NamespaceProperty = Namespace }, Spec = new() { AuthServerRef = new() { Name = "issuer" }, AllowScopes = [new() { Name = "read" }], Secret = new() { RotationGracePeriod = gracePeriod } } }, Ct);
        await Writes.CreateAsync(client, new UpstreamOAuthPolicy { Metadata = new() { Name = "gateway", NamespaceProperty = Namespace }, Spec = new() { ControlPlaneRef = new() { Name = "quickstart" }, ClientRef = new() { Name = ClientName }, Scopes = [new() { Name = "read" }] } }, Ct);
        world.AuthServerId = (await Wait.ForReadyAsync<AuthServer>(client, Namespace, "issuer", Ct)).Status.Id!;
        await Wait.ForReadyAsync<Client>(client, Namespace, ClientName, Ct);
        await Wait.ForReadyAsync<UpstreamOAuthPolicy>(client, Namespace, "gateway", Ct);
        return world;
    }

    public async Task StartOperatorAsync()
    {
        Operator = await ChaosOperator.StartAsync(
            Sandbox.Launch(_work, $"operator-{++_launches}.log") with { KonnectServerUrl = KonnectTap.BaseAddress, Kubeconfig = _work.File("tapped-kubeconfig") },
            Ct);
    }

    /// <summary>SIGKILL: nothing in the operator runs after it; requests it had in flight (held ones included) never arrive.</summary>
    public async Task KillAsync()
    {
        await Operator!.KillAsync();
        await Operator.DisposeAsync();
        Operator = null;
        HoldKonnect = null;
        HoldKube = null;
    }

    public Task RotateAsync(string request) =>
        Writes.UpdateAsync<Client>(Sandbox.Client, ClientName, Namespace, c => (c.Metadata.Annotations ??= new Dictionary<string, string>())["identity.konghq.com/rotate-secret"] = request, Ct);

    public async Task<Client> ClientAsync() => (await Sandbox.Client.GetAsync<Client>(ClientName, Namespace, Ct))!;

    public async Task<V1Secret?> CredentialsSecretAsync() => await Sandbox.Client.GetAsync<V1Secret>(SecretName, Namespace, Ct);

    /// <summary>What a workload reads from the credentials Secret.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> ReadWorkloadCredentialsAsync(CancellationToken cancellationToken)
    {
        var secret = await Sandbox.Client.GetAsync<V1Secret>(SecretName, Namespace, cancellationToken);
        return secret?.Data is { } data && data.ContainsKey("client_secret")
            ? data.Where(d => d.Key is "client_id" or "client_secret" or "token_endpoint").ToDictionary(d => d.Key, d => Encoding.UTF8.GetString(d.Value))
            : null;
    }

    /// <summary>What the gateway reads: the upstream-oauth plugin's configuration as Konnect serves it to data planes.</summary>
    public Task<IReadOnlyDictionary<string, string>?> ReadGatewayCredentialsAsync(CancellationToken cancellationToken)
    {
        var plugin = Sandbox.Konnect.Snapshot().AllPlugins.SingleOrDefault(p => p.Name == "upstream-oauth");
        if (plugin is null)
        {
            return Task.FromResult<IReadOnlyDictionary<string, string>?>(null);
        }

        var oauth = plugin.Config.GetProperty("oauth");
        return Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string>
        {
            ["client_id"] = oauth.GetProperty("client_id").GetString()!,
            ["client_secret"] = oauth.GetProperty("client_secret").GetString()!,
            ["token_endpoint"] = oauth.GetProperty("token_endpoint").GetString()!,
        });
    }

    public async Task<string> CurrentSecretAsync() => Encoding.UTF8.GetString((await CredentialsSecretAsync())!.Data["client_secret"]);

    /// <summary>The id of the client's most recently created secret in Konnect.</summary>
    public string? NewestSecretId() => Sandbox.Konnect.Snapshot().AllClients.SingleOrDefault()?.Secrets.MaxBy(s => s.CreatedAt)?.Id;

    public bool Works(string clientId, string secret) => Sandbox.Konnect.VerifyClientSecret(AuthServerId, clientId, secret);

    /// <summary>Waits until the rotation answering <paramref name="request"/> is on record: promoted in the Secret and in status.</summary>
    public async Task<Client> WaitRotatedAsync(string request)
    {
        var (client, _) = await Poll.MatchAsync<(Client Client, V1Secret? Secret)>(
            async () => (await ClientAsync(), await CredentialsSecretAsync()),
            pair => pair.Client.Status.RotationRequest == request
                && pair.Secret?.Metadata.Annotations is { } annotations
                && annotations.TryGetValue("identity.konghq.com/secret-version", out var version)
                && pair.Client.Status.SecretVersion == version
                && !pair.Secret.Data.ContainsKey("pending_client_secret"),
            pair => $"status.rotationRequest={pair.Client.Status.RotationRequest}, status.secretVersion={pair.Client.Status.SecretVersion}",
            $"the rotation '{request}' on record",
            Wait.Timeout,
            Ct);
        return client;
    }

    /// <summary>Waits until the previous secret's grace period is over and it is gone from status.</summary>
    public Task<Client> WaitPreviousGoneAsync() =>
        Poll.MatchAsync(ClientAsync, c => c.Status.PreviousSecretId is null, c => $"previousSecretID={c.Status.PreviousSecretId}", "the previous secret deleted", Wait.Timeout, Ct);

    public async ValueTask DisposeAsync()
    {
        if (Operator is not null)
        {
            await Operator.DisposeAsync();
        }

        if (_kubeTap is not null)
        {
            await _kubeTap.DisposeAsync();
        }

        if (_konnectTap is not null)
        {
            await _konnectTap.DisposeAsync();
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        _work.Dispose();
    }

    private Func<HttpRequest, TimeSpan> HoldIf(Func<Func<HttpRequest, bool>?> rule) => request =>
    {
        if (rule() is { } hold && hold(request))
        {
            Interlocked.Increment(ref _held);
            return TimeSpan.FromMinutes(10);
        }

        return TimeSpan.Zero;
    };
}
