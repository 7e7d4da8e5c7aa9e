using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.Konnect;
using KongIdentityOperator.Sandbox.KubeApi;

// `make demo`: Kong's tutorial "Configure the Upstream OAuth plugin with Kong Identity", declared as Kubernetes
// resources and made real by the operator, against the sandbox (in-memory API server + Konnect emulator).
// Usage: KongIdentityOperator.Demo <operator dll> [--keep-running]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: KongIdentityOperator.Demo <path to KongIdentityOperator.dll or the AOT executable> [--keep-running]");
    return 2;
}

var operatorDll = Path.GetFullPath(args[0]);
var keepRunning = args.Contains("--keep-running");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "kong-identity-demo-" + Environment.ProcessId)).FullName;
var kubeconfig = Path.Combine(work, "kubeconfig");
const string token = "kpat_sandbox_demo_token";

Step("Starting the sandbox: in-memory Kubernetes API server and Konnect emulator (control plane quickstart, example-service, example-route)");
await using var kubeApi = await KubeApiServer.StartAsync(new KubeApiServerOptions(), stop.Token);
await using var konnect = await KonnectEmulator.StartAsync(new KonnectEmulatorOptions { Tokens = [token], SeedTutorial = true }, stop.Token);
kubeApi.WriteKubeconfig(kubeconfig);
Console.WriteLine($"  Kubernetes API  {kubeApi.BaseAddress}   (kubeconfig {kubeconfig})");
Console.WriteLine($"  Konnect         {konnect.BaseAddress}");

var env = new Dictionary<string, string> { ["KUBECONFIG"] = kubeconfig };
await Kubectl("CRDs", "apply", "-k", "config/crds");

Step("Starting the operator");
var operatorLog = Path.Combine(work, "operator.log");
// A .dll runs under dotnet; anything else (the Native AOT executable of `make publish-aot`) runs as it is.
var framework = operatorDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
using var operatorProcess = ChildProcess.Start(
    framework ? "dotnet" : operatorDll,
    [.. (framework ? [operatorDll] : Array.Empty<string>()), "--kubeconfig", kubeconfig, "--konnect-server-url", konnect.BaseAddress.ToString(), "--http-port", "0", "--leader-elect=false"],
    null,
    operatorLog);
Console.WriteLine($"  pid {operatorProcess.Id}, log {operatorLog}");

try
{
    Step("Applying config/samples with kubectl (the token Secret, AuthServer, Scope, Claim, Client, UpstreamOAuthPolicy, a workload)");
    await Kubectl("samples", "apply", "-k", "config/samples");

    Step("Waiting for Ready");
    await Kubectl("wait", "wait", "--for=condition=Ready", "--timeout=120s", "authservers,scopes,claims,clients,upstreamoauthpolicies", "--all");
    await Kubectl("status", "get", "kong-identity", "-o", "wide");

    Step("The generated Secret appointments-client-credentials (what a workload mounts)");
    var secret = JsonNode.Parse((await Kubectl(null, "get", "secret", "appointments-client-credentials", "-o", "json")).Output)!;
    var credentials = secret["data"]!.AsObject().ToDictionary(p => p.Key, p => Encoding.UTF8.GetString(Convert.FromBase64String(p.Value!.GetValue<string>())));
    foreach (var (key, value) in credentials.OrderBy(p => p.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"  {key,-15} {(key == "client_secret" ? Mask(value) : value)}");
    }

    Step($"A token from {credentials["token_endpoint"]} with those credentials and scope={credentials["scopes"]} (claims decoded)");
    using var http = new HttpClient();
    using var response = await http.PostAsync(
        new Uri(credentials["token_endpoint"]),
        new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials["client_id"],
            ["client_secret"] = credentials["client_secret"],
            ["scope"] = credentials["scopes"],
        }),
        stop.Token);
    var body = await response.Content.ReadAsStringAsync(stop.Token);
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"the token endpoint answered {(int)response.StatusCode}: {body}");
    }

    var jwt = JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    Console.WriteLine(Indent(JsonNode.Parse(Base64Url(jwt.Split('.')[1]))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));

    Step("The upstream-oauth plugin in Konnect");
    var plugin = konnect.Snapshot().AllPlugins.Single();
    Console.WriteLine($"  {plugin.Name} {plugin.Id} on control plane quickstart (global), token_endpoint {plugin.Config.GetProperty("oauth").GetProperty("token_endpoint").GetString()}, scopes {plugin.Config.GetProperty("oauth").GetProperty("scopes")}");

    if (keepRunning)
    {
        Step("Still running. In another shell:");
        Console.WriteLine($"  export KUBECONFIG={kubeconfig}");
        Console.WriteLine("  kubectl get kong-identity");
        Console.WriteLine("Press Ctrl+C to stop.");
        await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    Step("Demo complete");
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
{
    Console.Error.WriteLine($"demo failed: {e.Message}");
    Console.Error.WriteLine($"operator log: {operatorLog}");
    return 1;
}
finally
{
    if (!operatorProcess.HasExited)
    {
        operatorProcess.Kill(entireProcessTree: true);
        await operatorProcess.WaitForExitAsync(CancellationToken.None);
    }
}

async Task<(int ExitCode, string Output)> Kubectl(string? show, params string[] arguments)
{
    var run = await ChildProcess.RunAsync("kubectl", arguments, environment: env, timeout: TimeSpan.FromMinutes(5), cancellationToken: stop.Token);
    var result = (run.ExitCode, Output: run.Output + run.Error);
    if (show is not null)
    {
        Console.WriteLine(Indent(result.Output.TrimEnd()));
    }

    return result.ExitCode == 0 ? result : throw new InvalidOperationException($"kubectl {string.Join(' ', arguments)} failed: {result.Output.Trim()}");
}

static void Step(string text) => Console.WriteLine($"\n==> {text}");

static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "  " + l));

static string Mask(string secret) => secret.Length <= 4 ? "****" : $"{secret[..4]}{new string('*', 12)} ({secret.Length} characters)";

static byte[] Base64Url(string value) =>
    Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (value.Length % 4)) % 4));
