namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

/// <summary>What one kubectl call printed and returned.</summary>
public sealed record KubectlResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public KubectlResult ShouldSucceed()
    {
        Assert.True(ExitCode == 0, $"kubectl {Command} exited {ExitCode}: {Stderr}{Stdout}");
        return this;
    }

    public KubectlResult ShouldFail()
    {
        Assert.True(ExitCode != 0, $"kubectl {Command} should have failed but printed: {Stdout}");
        return this;
    }
}
