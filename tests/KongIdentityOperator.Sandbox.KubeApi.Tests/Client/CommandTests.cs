using k8s;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

public sealed class CommandTests
{
    [Fact]
    public async Task Command_writes_the_kubeconfig_serves_and_stops_when_cancelled()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"kc-{Guid.NewGuid():N}.yaml");
        using var output = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ApiFixture.Ct);
        var run = KubeApiCommand.RunAsync(["--port", "0", "--kubeconfig", kubeconfig], output, stop.Token);
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(output.ToString().Contains("kube-api listening on http://127.0.0.1:", StringComparison.Ordinal)), "the command reports its address");
            using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));

            var namespaces = await client.CoreV1.ListNamespaceAsync(cancellationToken: ApiFixture.Ct);

            Assert.Equal(3, namespaces.Items.Count);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30), ApiFixture.Ct));
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public async Task Command_rejects_unknown_arguments()
    {
        using var output = new StringWriter();

        var code = await KubeApiCommand.RunAsync(["--bogus"], output, ApiFixture.Ct);

        Assert.Equal(2, code);
        Assert.Contains("usage: kube-api", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10s", 10)]
    [InlineData("5m", 300)]
    [InlineData("0", 0)]
    public void History_window_takes_a_Go_duration(string text, int seconds)
    {
        var parsed = KubeApiArguments.Parse(["--history-window", text], out var error);

        Assert.Null(error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), parsed!.HistoryWindow);
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("-5s")]
    public void History_window_rejects_what_is_not_a_positive_duration(string text)
    {
        Assert.Null(KubeApiArguments.Parse(["--history-window", text], out var error));
        Assert.Equal("kube-api: bad argument '--history-window'", error);
    }
}
