namespace KongIdentityOperator.Tests.GitOps;

/// <summary>
/// Runs <c>config/argocd/health.lua</c> on one object with the <c>lua5.1</c> interpreter, through
/// <c>Assets/harness.lua</c>, which sets <c>obj</c> and hides the libraries Argo CD's VM does not open.
/// </summary>
internal static class LuaHealthCheck
{
    private const string Interpreter = "lua5.1";
    private static readonly Lazy<string?> InterpreterPath = new(() => ChildProcess.Find(Interpreter));

    public static async Task<ArgoHealth> RunAsync(string objectJson, CancellationToken cancellationToken)
    {
        var interpreter = InterpreterPath.Value;
        if (interpreter is null)
        {
            Assert.Fail($"{Interpreter} is not on the PATH. CI installs it in .ci/run (apt-get install -y {Interpreter}); "
                + "install it the same way to run the Argo CD health-check tests.");
        }

        var result = await ChildProcess.RunAsync(
            interpreter,
            [RepositoryFiles.LuaHarness, RepositoryFiles.LuaJsonDecoder, RepositoryFiles.HealthScript],
            objectJson,
            cancellationToken: cancellationToken);

        Assert.True(result.ExitCode == 0, $"health.lua failed (exit {result.ExitCode}): {result.Error}");
        var newline = result.Output.IndexOf('\n', StringComparison.Ordinal);
        Assert.True(newline > 0, $"The harness printed no status line: '{result.Output}'");
        return new ArgoHealth(result.Output[..newline], result.Output[(newline + 1)..]);
    }
}
