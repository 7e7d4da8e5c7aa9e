using System.Diagnostics;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

/// <summary>
/// Runs the real kubectl binary against a sandbox server, through a kubeconfig the server wrote, with its own
/// discovery cache directory. Every call has a 60 s limit, so a hang fails the test instead of blocking CI.
/// </summary>
public sealed class Kubectl : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly string _directory;
    private readonly string _kubeconfig;

    private Kubectl(ApiFixture api, string directory)
    {
        Api = api;
        _directory = directory;
        _kubeconfig = Path.Combine(directory, "kubeconfig");
        api.Server.WriteKubeconfig(_kubeconfig);
    }

    public ApiFixture Api { get; }

    public static async Task<Kubectl> StartAsync(bool withGizmoCrd = true)
    {
        var executable = FindExecutable();
        Assert.True(executable is not null, "kubectl is not on the PATH: the kubectl tests need the kubectl binary (v1.32) installed");
        var directory = Path.Combine(Path.GetTempPath(), $"kubectl-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var kubectl = new Kubectl(await ApiFixture.StartAsync(), directory);
        if (withGizmoCrd)
        {
            var result = await kubectl.RunAsync(["apply", "-f", "-"], Gizmos.CrdYaml);
            result.ShouldSucceed();
        }

        return kubectl;
    }

    /// <summary>Runs kubectl to completion.</summary>
    public async Task<KubectlResult> RunAsync(IReadOnlyList<string> args, string? stdin = null)
    {
        using var process = Start(args, stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"kubectl {string.Join(' ', args)} did not finish within {Limit.TotalSeconds} s");
        }

        return new KubectlResult(string.Join(' ', args), process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running kubectl (get -w, wait) whose output the test reads as it comes.</summary>
    public Process Start(IReadOnlyList<string> args, bool redirectInput = false)
    {
        var info = new ProcessStartInfo(FindExecutable()!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(_kubeconfig);
        info.ArgumentList.Add("--cache-dir");
        info.ArgumentList.Add(Path.Combine(_directory, "cache"));
        info.ArgumentList.Add("--request-timeout=30s");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("KUBECONFIG");
        return Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A kubectl child may still hold its cache; the temp directory is cleaned later.
        }
    }

    private static string? FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "kubectl"))
            .FirstOrDefault(File.Exists);
}
