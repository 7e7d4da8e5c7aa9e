using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KongIdentityOperator.Sandbox.Konnect.Tests.Support;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>The <c>konnect</c> command: starts on the requested port, prints where it listens, stops with exit code 0.</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task Runs_until_cancelled_and_serves_the_seeded_tutorial()
    {
        using var output = new LineWriter();
        using var stop = new CancellationTokenSource();
        var run = KonnectEmulatorCommand.RunAsync(["--port", "0", "--token", "kpat_x", "--seed-tutorial", "--latency-ms=0"], output, stop.Token);

        var line = await output.WaitForLineAsync("konnect emulator listening on ");
        var address = line["konnect emulator listening on ".Length..].Trim();
        Assert.Matches(@"^http://127\.0\.0\.1:\d+$", address);
        using var http = new HttpClient { BaseAddress = new Uri(address + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "kpat_x");
        using var response = await http.GetAsync("v2/control-planes?filter[name][eq]=quickstart", TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        await stop.CancelAsync();
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body.RootElement.GetProperty("data").GetArrayLength());
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("kpat_x", output.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "not-a-number")]
    [InlineData("--error-rate", "1.5")]
    [InlineData("--bogus")]
    [InlineData("--token")]
    [InlineData("--max-clients-per-auth-server", "0")]
    public async Task Bad_arguments_print_usage_and_exit_2(params string[] args)
    {
        using var output = new LineWriter();

        var exitCode = await KonnectEmulatorCommand.RunAsync(args, output, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: konnect", output.Text, StringComparison.Ordinal);
    }
}
