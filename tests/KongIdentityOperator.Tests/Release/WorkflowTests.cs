using System.Text.RegularExpressions;
using KongIdentityOperator.TestSupport;
using YamlDotNet.RepresentationModel;

namespace KongIdentityOperator.Tests.Release;

/// <summary>
/// The CI and release workflows: they call make targets and files that exist, the release does what docs/install.md
/// promises (tests, a multi-arch image on ghcr.io, an SBOM, a keyless signature, install.yaml pinned by digest), and
/// action-validator (installed by .ci/run) accepts both files.
/// </summary>
public sealed partial class WorkflowTests
{
    private static readonly string[] Files = ["ci.yml", "release.yml"];

    [Fact]
    public void Every_make_target_and_file_a_workflow_uses_exists()
    {
        var targets = MakeTarget().Matches(File.ReadAllText(RepositoryRoot.Combine("Makefile"))).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var name in Files)
        {
            var workflow = Workflow.Load(name);
            var used = 0;
            foreach (var script in workflow.RunScripts)
            {
                foreach (Match call in MakeCall().Matches(script))
                {
                    used++;
                    Assert.True(targets.Contains(call.Groups[1].Value), $"{name}: make {call.Groups[1].Value}: no such target in the Makefile");
                }

                foreach (Match file in RepositoryPath().Matches(script))
                {
                    var path = file.Groups[1].Value;
                    Assert.True(Exists(path) || path.StartsWith("artifacts/", StringComparison.Ordinal), $"{name}: {path}: no such file");
                }
            }

            foreach (var step in workflow.AllSteps)
            {
                if (Workflow.Mapping(step, "with") is { } with)
                {
                    foreach (var key in new[] { "file", "global-json-file" })
                    {
                        if (Workflow.Scalar(with, key) is { } file)
                        {
                            Assert.True(File.Exists(RepositoryRoot.Combine(file)), $"{name}: {key}: {file}: no such file");
                        }
                    }
                }
            }

            Assert.True(used > 0 || workflow.RunScripts.Any(s => s.Contains(".ci/run", StringComparison.Ordinal)), $"{name} runs neither make nor .ci/run");
        }
    }

    [Fact]
    public void CI_and_the_release_run_the_tests_through_ci_run()
    {
        Assert.Contains(Workflow.Load("ci.yml").RunScripts, s => s.Contains("bash .ci/run", StringComparison.Ordinal));
        var release = Workflow.Load("release.yml");
        Assert.Contains(release.Steps("test").Select(s => Workflow.Scalar(s, "run")), s => s?.Contains("bash .ci/run", StringComparison.Ordinal) == true);
        Assert.Contains(File.ReadAllLines(RepositoryRoot.Combine(".ci", "run")), l => l.StartsWith("make test", StringComparison.Ordinal));

        // Nothing is published unless the tests passed: every other job needs "test", directly or through another.
        foreach (var job in release.Jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Where(j => j != "test"))
        {
            Assert.Contains("test", Needs(release, job));
        }
    }

    [Fact]
    public void A_v_tag_releases_a_signed_multi_arch_image_with_an_SBOM_and_install_yaml_pinned_by_digest()
    {
        var release = Workflow.Load("release.yml");
        var tags = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)release.Root["on"])["push"])["tags"];
        Assert.Equal(["v*"], tags.Children.Select(t => ((YamlScalarNode)t).Value));

        var build = Assert.Single(release.Steps("image"), s => Workflow.Scalar(s, "uses")?.StartsWith("docker/build-push-action@", StringComparison.Ordinal) == true);
        var with = Workflow.Mapping(build, "with")!;
        Assert.Equal(["linux/amd64", "linux/arm64"], Workflow.Scalar(with, "platforms")!.Split(','));
        Assert.Equal("true", Workflow.Scalar(with, "push"));
        Assert.Contains("VERSION=${{ steps.meta.outputs.version }}", Workflow.Scalar(with, "build-args"), StringComparison.Ordinal);
        Assert.Contains("image=ghcr.io/", string.Join('\n', release.RunScripts), StringComparison.Ordinal);

        var permissions = Workflow.Mapping(release.Job("image"), "permissions")!;
        Assert.Equal(("write", "write"), (Workflow.Scalar(permissions, "id-token"), Workflow.Scalar(permissions, "packages")));
        var scripts = string.Join('\n', release.RunScripts);
        Assert.Contains("cosign sign --yes \"$IMAGE\"", scripts, StringComparison.Ordinal);
        Assert.Contains(release.Steps("image"), s => Workflow.Scalar(s, "uses")?.StartsWith("anchore/sbom-action@", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("--key", scripts, StringComparison.Ordinal);

        // The release's install.yaml names the image by the digest that was pushed and signed.
        Assert.Contains("make set-version VERSION=\"$VERSION\" IMAGE_REPO=\"$IMAGE\" DIGEST=\"$DIGEST\"", scripts, StringComparison.Ordinal);
        Assert.Contains("make install-yaml", scripts, StringComparison.Ordinal);
        var env = Workflow.Mapping(release.Steps("github-release").Single(s => Workflow.Scalar(s, "run")?.Contains("make install-yaml", StringComparison.Ordinal) == true), "env")!;
        Assert.Equal("${{ needs.image.outputs.digest }}", Workflow.Scalar(env, "DIGEST"));
        var upload = release.Steps("github-release").Select(s => Workflow.Scalar(s, "run")).Single(s => s?.Contains("gh release create", StringComparison.Ordinal) == true)!;
        Assert.Contains("artifacts/release/install.yaml", upload, StringComparison.Ordinal);
        Assert.Contains("config/crds/identity.konghq.com_*.yaml", upload, StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_takes_its_version_from_the_build_argument_for_the_assembly_and_the_label()
    {
        var dockerfile = File.ReadAllText(RepositoryRoot.Combine("Dockerfile"));
        Assert.Contains("-p:Version=$VERSION", dockerfile, StringComparison.Ordinal);
        Assert.Contains("org.opencontainers.image.version=\"${VERSION}\"", dockerfile, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(dockerfile, "(?m)^ARG VERSION="));
    }

    [Fact]
    public async Task Action_validator_accepts_both_workflows_and_rejects_a_broken_one()
    {
        var validator = ChildProcess.Find("action-validator") ?? RepositoryRoot.Combine(".tools", "npm", "node_modules", ".bin", "action-validator");
        if (!File.Exists(validator))
        {
            Assert.Skip("action-validator is not installed (.ci/run installs it with npm into .tools/npm); the structural checks above still ran");
        }

        foreach (var name in Files)
        {
            var result = await ChildProcess.RunAsync(validator, [RepositoryRoot.Combine(".github", "workflows", name)], cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(result.ExitCode == 0, $"{name}: {result.Output}{result.Error}");
        }

        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(broken, "name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n", TestContext.Current.CancellationToken);
        try
        {
            var result = await ChildProcess.RunAsync(validator, [broken], cancellationToken: TestContext.Current.CancellationToken);
            Assert.NotEqual(0, result.ExitCode);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    /// <summary>A path, or a glob in its last segment (<c>config/crds/*.yaml</c>), names something in the checkout.</summary>
    private static bool Exists(string path)
    {
        var full = RepositoryRoot.Combine(path);
        if (!path.Contains('*', StringComparison.Ordinal))
        {
            return File.Exists(full) || Directory.Exists(full);
        }

        var directory = Path.GetDirectoryName(full)!;
        return Directory.Exists(directory) && Directory.GetFiles(directory, Path.GetFileName(full)).Length > 0;
    }

    private static HashSet<string> Needs(Workflow workflow, string job)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([job]);
        while (pending.TryPop(out var current))
        {
            if (!workflow.Job(current).Children.TryGetValue(new YamlScalarNode("needs"), out var needs))
            {
                continue;
            }

            var names = needs is YamlSequenceNode list ? list.Children.Select(n => ((YamlScalarNode)n).Value!) : [((YamlScalarNode)needs).Value!];
            foreach (var name in names.Where(all.Add))
            {
                pending.Push(name);
            }
        }

        return all;
    }

    [GeneratedRegex("(?m)^([a-z][a-z-]*):")]
    private static partial Regex MakeTarget();

    [GeneratedRegex("\\bmake (?:-s )?([a-z][a-z-]*)")]
    private static partial Regex MakeCall();

    [GeneratedRegex("(?<![\\w/$.-])((?:\\.ci|scripts|config|artifacts)/[\\w./*-]+)")]
    private static partial Regex RepositoryPath();
}
