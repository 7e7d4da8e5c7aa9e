using KongIdentityOperator.Entities;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Integration;

/// <summary>
/// The harness's process mode, which <c>OPERATOR_BINARY</c> (<c>make e2e-binary</c>) selects, proven on every
/// <c>make test</c> with the framework-dependent build beside the tests: the executable runs as a child process with the
/// scenario's flags, its output is what the log scans read, and a stop or a kill is a real signal.
/// </summary>
public sealed class OperatorChildScenarios : ScenarioBase
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };

    protected override string? OperatorExecutable => OperatorBinary.BesideTests;

    protected override async Task<ClusterLease> CreateClusterAsync(CancellationToken cancellationToken) =>
        ClusterLease.Owned(await SandboxCluster.StartAsync(cancellationToken));

    [Fact]
    public async Task The_executable_takes_the_tutorial_to_Ready_with_its_logs_captured_and_stops_on_SIGTERM()
    {
        var child = Assert.IsType<OperatorChild>(await StartOperatorAsync());
        await ApplySampleAsync<AuthServer>("authserver.yaml");
        await ApplySampleAsync<Scope>("scope.yaml");
        await ApplySampleAsync<Claim>("claim.yaml");
        await ApplySampleAsync<Client>("client.yaml");
        await ApplySampleAsync<UpstreamOAuthPolicy>("upstreamoauthpolicy.yaml");
        await WaitForReadyAsync<AuthServer>("appointments-dev");
        await WaitForReadyAsync<Scope>("my-scope");
        await WaitForReadyAsync<Claim>("test-claim");
        await WaitForReadyAsync<Client>("appointments-client");
        await WaitForReadyAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth");
        var credentials = await ReadSecretAsync("appointments-client-credentials");
        var (claims, error) = await TokenClient.RequestAsync(credentials, "my-scope", cancellationToken: Ct);
        Assert.Null(error);
        Assert.Equal("test", claims!["test-claim"]!.GetValue<string>());

        // The executable's own startup line (no in-process operator writes it), with the scenario's flags, and its Debug lines.
        Assert.Contains(child.Logs.Lines, l => l.Contains("Starting with OperatorOptions", StringComparison.Ordinal) && l.Contains($"Namespaces = [{Ns}]", StringComparison.Ordinal));
        Assert.Contains(child.Logs.Lines, l => l.Contains("dbug: ", StringComparison.Ordinal));
        Assert.DoesNotContain(child.Logs.Lines, l => l.Contains(credentials["client_secret"], StringComparison.Ordinal));
        using (var health = await Http.GetAsync(new Uri(child.EndpointAddress!, "healthz"), Ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        }

        await child.StopAsync();
        Assert.Equal(0, child.ExitCode);
        Assert.Contains(child.Logs.Lines, l => l.Contains("Application is shutting down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Killed_the_executable_ends_at_once_and_a_new_one_carries_on()
    {
        var first = Assert.IsType<OperatorChild>(await StartOperatorAsync());
        await ApplySampleAsync<AuthServer>("authserver.yaml");
        await WaitForReadyAsync<AuthServer>("appointments-dev");

        await first.KillAsync();
        Assert.Equal(137, first.ExitCode); // 128 + SIGKILL: no graceful shutdown ran
        Assert.Contains(first.Logs.Lines, l => l.Contains("Starting with OperatorOptions", StringComparison.Ordinal));
        Assert.DoesNotContain(first.Logs.Lines, l => l.Contains("Application is shutting down", StringComparison.Ordinal));

        await ApplySampleAsync<Scope>("scope.yaml");
        await StartOperatorAsync();
        await WaitForReadyAsync<Scope>("my-scope");
        Assert.Single(Konnect.Snapshot().AuthServers);
    }
}
