using KongIdentityOperator.TestSupport;

namespace KongIdentityOperator.Tests.Release;

/// <summary><c>make set-version</c> is the one place a version is set, and the tree agrees with itself.</summary>
public sealed class SetVersionTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "kio-version-" + Guid.NewGuid().ToString("N"));

    public SetVersionTests()
    {
        foreach (var file in new[] { "scripts/set-version", "config/default/kustomization.yaml", "Directory.Build.props" })
        {
            var target = Path.Combine(_copy, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(RepositoryRoot.Combine(file), target);
        }
    }

    [Fact]
    public void Config_default_names_the_ghcr_image_of_the_version_the_assembly_carries()
    {
        var (name, tag) = ReleaseVersion.KustomizationImage();
        Assert.Equal("ghcr.io/example-org/kong-identity-operator", name);
        Assert.Equal(ReleaseVersion.Current, tag);
        Assert.Matches("^[0-9]+\\.[0-9]+\\.[0-9]+", tag);
    }

    [Fact]
    public void The_operator_assembly_carries_the_version_that_config_default_names()
    {
        var assembly = typeof(KongIdentityOperator.Configuration.OperatorOptions).Assembly;
        var informational = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        Assert.Equal(ReleaseVersion.Current, informational.Split('+')[0]);
        Assert.Equal(ReleaseVersion.KustomizationImage().Tag, informational.Split('+')[0]);
    }

    [Fact]
    public async Task Set_version_rewrites_the_image_entry_and_the_assembly_version_and_pins_a_digest()
    {
        var digest = "sha256:" + new string('0', 63) + "1";
        var result = await RunAsync("1.4.0-rc.2", "ghcr.io/acme/kong-identity-operator", digest);
        Assert.True(result.ExitCode == 0, result.Error);

        var kustomization = await File.ReadAllTextAsync(Path.Combine(_copy, "config", "default", "kustomization.yaml"), TestContext.Current.CancellationToken);
        Assert.EndsWith(
            "images:\n- name: kong-identity-operator\n  newName: ghcr.io/acme/kong-identity-operator\n  newTag: \"1.4.0-rc.2\"\n  digest: " + digest + "\n",
            kustomization,
            StringComparison.Ordinal);
        Assert.Contains("- ../manager", kustomization, StringComparison.Ordinal);
        Assert.Contains("<Version>1.4.0-rc.2</Version>", await File.ReadAllTextAsync(Path.Combine(_copy, "Directory.Build.props"), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // Run again without a digest: the entry is replaced, not appended to.
        Assert.Equal(0, (await RunAsync("1.4.0", "ghcr.io/acme/kong-identity-operator", string.Empty)).ExitCode);
        kustomization = await File.ReadAllTextAsync(Path.Combine(_copy, "config", "default", "kustomization.yaml"), TestContext.Current.CancellationToken);
        Assert.Single(kustomization.Split('\n'), l => l == "images:");
        Assert.DoesNotContain("digest:", kustomization, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1.2.3", "ghcr.io/acme/kong-identity-operator", "")]
    [InlineData("1.2", "ghcr.io/acme/kong-identity-operator", "")]
    [InlineData("1.2.3", "ghcr.io/Acme/kong-identity-operator", "")]
    [InlineData("1.2.3", "ghcr.io/acme/kong-identity-operator", "sha256:abc")]
    public async Task Set_version_refuses_what_is_not_a_version_an_image_or_a_digest(string version, string repo, string digest)
    {
        var before = await File.ReadAllTextAsync(Path.Combine(_copy, "config", "default", "kustomization.yaml"), TestContext.Current.CancellationToken);
        var result = await RunAsync(version, repo, digest);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(_copy, "config", "default", "kustomization.yaml"), TestContext.Current.CancellationToken));
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    private Task<ProcessResult> RunAsync(string version, string repo, string digest) =>
        ChildProcess.RunAsync("bash", [Path.Combine(_copy, "scripts", "set-version"), version, repo, digest], cancellationToken: TestContext.Current.CancellationToken);
}
