using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using KongIdentityOperator.Chaos.BadInput;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Conditions;
using KongIdentityOperator.Sandbox.Konnect;

namespace KongIdentityOperator.Chaos.Adversarial;

/// <summary>
/// One shared cluster as a security review would picture it: the real operator process, started as the install docs
/// recommend (the default token from a file, granted to the namespace <c>platform</c> only, and an explicit list of
/// allowed servers: the Konnect stand-in and one more that answers with redirects), a victim team with the whole
/// tutorial Ready on its own token, and a server an attacker controls that must never be reached. Each attack works in
/// a namespace of its own, with a Konnect token of the same organisation (the worst case: Konnect itself would let it
/// do anything), and must gain nothing through the operator.
/// </summary>
public sealed class AdversarialWorld : IAsyncLifetime
{
    public const string Victim = "victim";
    public const string Platform = "platform";
    public const string VictimDisplayName = "Victim Payments";

    private readonly WorkDirectory _work = new("adversarial");
    private readonly string _suffix = RandomNumberGenerator.GetHexString(20, lowercase: true);
    private int _namespaces;
    private ChaosSandbox? _sandbox;
    private HttpTap? _tap;
    private RecordingServer? _recorder;
    private RecordingServer? _redirector;
    private OperatorProcess? _operator;
    private HttpClient? _kube;
    private string _baseline = string.Empty;

    public string VictimToken => $"spat_victim_{_suffix}";

    /// <summary>How many attack namespaces the world has tokens for; each gets a token of its own, so every call is attributable.</summary>
    public const int MaxAttacks = 60;

    public string DefaultToken => $"spat_default_{_suffix}";

    /// <summary>A valid token of the organisation that sits in a Secret nobody offered; it must never be used.</summary>
    public string UnofferedToken => $"spat_unoffered_{_suffix}";

    internal ChaosSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("not started");

    internal HttpTap Konnect => _tap!;

    /// <summary>The attacker's server: not allowed, so it must receive nothing, ever.</summary>
    internal RecordingServer Recorder => _recorder!;

    /// <summary>An allowed server that answers every call with a redirect to <see cref="Recorder"/>.</summary>
    internal RecordingServer Redirector => _redirector!;

    internal WorkDirectory Work => _work;

    /// <summary>The Konnect stand-in's address as objects name it in spec.konnect.serverURL.</summary>
    public string ServerUrl => Konnect.BaseAddress.ToString().TrimEnd('/');

    public string VictimAuthServerId { get; private set; } = string.Empty;

    public string VictimClientId { get; private set; } = string.Empty;

    public string VictimClientSecret { get; private set; } = string.Empty;

    public string VictimPluginId { get; private set; } = string.Empty;

    public string VictimScopeId { get; private set; } = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await ChaosSandbox.StartAsync([VictimToken, DefaultToken, UnofferedToken, .. Enumerable.Range(1, MaxAttacks).Select(AttackerToken)], _work, Ct);
        _tap = await HttpTap.StartAsync(_sandbox.Konnect.BaseAddress, Ct);
        _recorder = await RecordingServer.StartAsync(Ct);
        _redirector = await RecordingServer.StartAsync(Ct, RecordingServer.RedirectTo(_recorder.BaseAddress));
        _kube = new HttpClient { BaseAddress = _sandbox.Kube.BaseAddress };
        var tokenFile = _work.File("default-token");
        await File.WriteAllTextAsync(tokenFile, DefaultToken + "\n", Ct);

        await _sandbox.CreateNamespaceAsync(Victim, VictimToken, Ct);
        await Writes.RetryAsync(() => _sandbox.Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Platform } }, cancellationToken: Ct), Ct);

        _operator = await ChaosOperator.StartAsync(
            _sandbox.Launch(_work, "operator.log") with
            {
                KonnectServerUrl = null,
                ExtraArguments =
                [
                    "--allowed-konnect-servers", $"{ServerUrl},{_redirector.BaseAddress.ToString().TrimEnd('/')}",
                    "--konnect-token-file", tokenFile,
                    "--default-token-namespaces", Platform,
                ],
            },
            Ct);

        await CreateTutorialAsync(Victim, withToken: true, displayName: VictimDisplayName);
        await CreateAsync(new AuthServer { Metadata = new() { Name = "shared", NamespaceProperty = Platform }, Spec = new() { Audience = "https://platform.example.com", Konnect = new() { ServerUrl = ServerUrl } } });
        await Wait.ForReadyAsync<AuthServer>(Sandbox.Client, Platform, "shared", Ct);

        var authServer = await Wait.ForReadyAsync<AuthServer>(Sandbox.Client, Victim, "payments", Ct);
        var client = await Wait.ForReadyAsync<Client>(Sandbox.Client, Victim, "app", Ct);
        var policy = await Wait.ForReadyAsync<UpstreamOAuthPolicy>(Sandbox.Client, Victim, "gateway", Ct);
        VictimScopeId = (await Wait.ForReadyAsync<Scope>(Sandbox.Client, Victim, "read", Ct)).Status.Id!;
        await Wait.ForReadyAsync<Claim>(Sandbox.Client, Victim, "tier", Ct);
        VictimAuthServerId = authServer.Status.Id!;
        VictimClientId = client.Status.Id!;
        VictimPluginId = policy.Status.Id!;
        var credentials = await Sandbox.Client.GetAsync<V1Secret>(client.Status.SecretName!, Victim, Ct);
        VictimClientSecret = Encoding.UTF8.GetString(credentials!.Data["client_secret"]);
        await Quiescence.WaitAsync(_operator, 5, Ct);
        _baseline = VictimState();
    }

    /// <summary>
    /// A fresh namespace for one attack, with an offered token Secret <c>konnect-token</c> holding a valid token of the
    /// organisation that only this attack uses.
    /// </summary>
    public async Task<Attacker> AttackerAsync(string purpose)
    {
        var number = Interlocked.Increment(ref _namespaces);
        Assert.True(number <= MaxAttacks, "raise MaxAttacks");
        var attacker = new Attacker($"attack-{number:00}-{purpose}", AttackerToken(number));
        await Sandbox.CreateNamespaceAsync(attacker.Namespace, attacker.Token, Ct);
        return attacker;
    }

    /// <summary>The attacker's own Ready AuthServer <c>own</c> (on the allowed server, its own token), for attacks that need a parent.</summary>
    public async Task<AuthServer> OwnAuthServerAsync(string @namespace)
    {
        await CreateAsync(new AuthServer { Metadata = new() { Name = "own", NamespaceProperty = @namespace }, Spec = new() { Audience = $"https://{@namespace}.example.com", Konnect = Own() } });
        return await Wait.ForReadyAsync<AuthServer>(Sandbox.Client, @namespace, "own", Ct);
    }

    /// <summary>spec.konnect for objects on the allowed server with the namespace's own token Secret.</summary>
    public KonnectSettings Own() => new() { ServerUrl = ServerUrl, TokenSecretRef = new() { Name = ChaosSandbox.TokenSecretName } };

    public Task<T> CreateAsync<T>(T entity)
        where T : class, IKubernetesObject<V1ObjectMeta> => Writes.CreateAsync(Sandbox.Client, entity, Ct);

    public Task<V1Secret> SecretAsync(string @namespace, string name, string key, string value, bool offered) =>
        Writes.CreateAsync(Sandbox.Client, new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = @namespace,
                Labels = offered ? new Dictionary<string, string> { [ChaosSandbox.ReferenceableLabel] = "true" } : null,
            },
            Data = new Dictionary<string, byte[]> { [key] = Encoding.UTF8.GetBytes(value) },
        }, Ct);

    /// <summary>Waits until the object is Stalled (or, for a wait, ResolvedRefs=False) with <paramref name="reason"/>; returns that condition's message.</summary>
    public async Task<string> RefusedAsync<T>(string @namespace, string name, string reason, bool stalled = true)
        where T : class, IKubernetesObject<V1ObjectMeta>, IConditionedEntity
    {
        var type = stalled ? "Stalled" : "ResolvedRefs";
        var entity = await Wait.ForConditionAsync<T>(Sandbox.Client, @namespace, name, type, stalled ? "True" : "False", reason, Ct);
        return entity.ConditionedStatus.Conditions.Get(type)!.Message;
    }

    /// <summary>Posts a manifest straight to the API server; returns the status and the server's message.</summary>
    public async Task<(HttpStatusCode Status, string Message)> PostAsync(string yaml, string @namespace)
    {
        using var content = new StringContent(Manifest.ToJson(yaml, @namespace), Encoding.UTF8, "application/json");
        using var response = await _kube!.PostAsync(new Uri($"apis/identity.konghq.com/v1alpha1/namespaces/{@namespace}/{Manifest.PluralOf(yaml)}", UriKind.Relative), content, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, System.Text.Json.Nodes.JsonNode.Parse(body)?["message"]?.GetValue<string>() ?? body);
    }

    /// <summary>Konnect calls (through the stand-in) made with a token, by fingerprint.</summary>
    internal IReadOnlyList<TappedCall> CallsWith(string token) => [.. Konnect.Calls.Where(c => c.Token == TokenFingerprint.Of(token))];

    /// <summary>The victim's auth server (with its scopes, claims and clients) and plugin exactly as at the start, and its credentials still working.</summary>
    public void AssertVictimUntouched()
    {
        Assert.Equal(_baseline, VictimState());
        Assert.True(Sandbox.Konnect.VerifyClientSecret(VictimAuthServerId, VictimClientId, VictimClientSecret), "the victim's client secret no longer works");
        Assert.DoesNotContain(Konnect.Calls, c => c.IsWrite && c.Token != TokenFingerprint.Of(VictimToken)
            && (c.Path.Contains(VictimAuthServerId, StringComparison.Ordinal) || c.Path.Contains(VictimPluginId, StringComparison.Ordinal)));
    }

    public void AssertRecorderSilent() => Assert.Empty(Recorder.Requests);

    public async ValueTask DisposeAsync()
    {
        if (_operator is not null)
        {
            await _operator.DisposeAsync();
        }

        _kube?.Dispose();
        if (_redirector is not null)
        {
            await _redirector.DisposeAsync();
        }

        if (_recorder is not null)
        {
            await _recorder.DisposeAsync();
        }

        if (_tap is not null)
        {
            await _tap.DisposeAsync();
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        _work.Dispose();
    }

    private string AttackerToken(int number) => $"spat_attacker{number:00}_{_suffix}";

    private async Task CreateTutorialAsync(string ns, bool withToken, string displayName)
    {
        var konnect = withToken ? Own() : new KonnectSettings { ServerUrl = ServerUrl };
        await CreateAsync(new AuthServer { Metadata = new() { Name = "payments", NamespaceProperty = ns }, Spec = new() { DisplayName = displayName, Audience = "https://payments.example.com", Konnect = konnect } });
        await CreateAsync(new Scope { Metadata = new() { Name = "read", NamespaceProperty = ns }, Spec = new() { AuthServerRef = new() { Name = "payments" } } });
        await CreateAsync(new Claim { Metadata = new() { Name = "tier", NamespaceProperty = ns }, Spec = new() { AuthServerRef = new() { Name = "payments" }, Name = "tier", Value = "gold", IncludeInToken = true } });
        await CreateAsync(new Client { Metadata = new() { Name = "app", NamespaceProperty = ns }, Spec = new() { AuthServerRef = new() { Name = "payments" }, AllowScopes = [new() { Name = "read" }] } });
        await CreateAsync(new UpstreamOAuthPolicy { Metadata = new() { Name = "gateway", NamespaceProperty = ns }, Spec = new() { ControlPlaneRef = new() { Name = "quickstart" }, ClientRef = new() { Name = "app" }, Scopes = [new() { Name = "read" }] } });
    }

    private string VictimState()
    {
        var snapshot = Sandbox.Konnect.Snapshot();
        var authServer = snapshot.AuthServers.Single(a => a.Id == VictimAuthServerId);
        var plugin = snapshot.AllPlugins.Single(p => p.Id == VictimPluginId);
        return JsonSerializer.Serialize(new { authServer, plugin });
    }
}
