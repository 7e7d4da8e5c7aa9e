using System.Xml.Linq;
using k8s;
using k8s.Models;
using KongIdentityOperator.Tests.Integration.Harness;
using KongIdentityOperator.Tests.Support;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// No Docker engine runs here, so these check what a build would trip over: the Dockerfile copies every project the
/// operator is built from, none of it is excluded from the build context, and the image's user and entry point match
/// the Deployment and the executable.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly string[] Dockerfile = File.ReadAllLines(RepositoryRoot.Combine("Dockerfile"));
    private static readonly string[] Ignored = [.. File.ReadAllLines(RepositoryRoot.Combine(".dockerignore")).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    [Fact]
    public void Every_project_the_operator_is_built_from_is_copied_and_inside_the_build_context()
    {
        var copied = CopiedPaths().ToList();

        foreach (var project in ProjectClosure(RepositoryRoot.Combine("src", "KongIdentityOperator", "KongIdentityOperator.csproj")))
        {
            var directory = Path.GetRelativePath(RepositoryRoot.Path, Path.GetDirectoryName(project)!).Replace('\\', '/') + "/";
            var file = Path.GetRelativePath(RepositoryRoot.Path, project).Replace('\\', '/');
            Assert.Contains(directory, copied);
            Assert.Contains(file, copied);
        }

        // Imported MSBuild files (the Kubernetes client package choice) are part of the build too.
        foreach (var import in ProjectClosure(RepositoryRoot.Combine("src", "KongIdentityOperator", "KongIdentityOperator.csproj")).SelectMany(Imports))
        {
            Assert.Contains(Path.GetRelativePath(RepositoryRoot.Path, import).Replace('\\', '/'), copied);
        }

        foreach (var path in copied)
        {
            Assert.True(File.Exists(RepositoryRoot.Combine(path)) || Directory.Exists(RepositoryRoot.Combine(path)), $"COPY {path}: no such file");
            Assert.False(IsIgnored(path), $"COPY {path}: excluded by .dockerignore");
        }
    }

    [Fact]
    public void The_image_runs_the_operator_executable_as_the_user_the_Deployment_expects()
    {
        var runtimeStage = Dockerfile.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/runtime-deps", StringComparison.Ordinal)).ToList();
        Assert.Contains("-chiseled", runtimeStage[0], StringComparison.Ordinal);
        Assert.Contains("USER 65532:65532", runtimeStage);
        Assert.Contains("ENTRYPOINT [\"/app/KongIdentityOperator\"]", runtimeStage);

        var deployment = KubernetesYaml.LoadAllFromString(File.ReadAllText(RepositoryRoot.Combine("config", "manager", "deployment.yaml"))).OfType<V1Deployment>().Single();
        Assert.Equal(65532, deployment.Spec.Template.Spec.SecurityContext.RunAsUser);
        Assert.Equal(65532, deployment.Spec.Template.Spec.SecurityContext.RunAsGroup);
    }

    [Theory]
    [InlineData("tests/KongIdentityOperator.Tests/", true)]
    [InlineData("src/KongIdentityOperator/obj/", true)]
    [InlineData("src/KongIdentityOperator/bin/Debug/x.dll", true)]
    [InlineData(".git", true)]
    [InlineData("src/KongIdentityOperator/", false)]
    [InlineData("Directory.Build.props", false)]
    public void The_dockerignore_reading_matches_directories_at_any_depth(string path, bool ignored) =>
        Assert.Equal(ignored, IsIgnored(path));

    /// <summary>Sources of every <c>COPY</c> from the build context (not <c>--from</c> a stage).</summary>
    private static IEnumerable<string> CopiedPaths() =>
        Dockerfile.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1]);

    /// <summary>.dockerignore semantics for the patterns used: a path or a folder prefix; <c>**/x/</c> at any depth.</summary>
    private static bool IsIgnored(string path)
    {
        var segments = path.TrimEnd('/').Split('/');
        return Ignored.Any(pattern =>
        {
            var trimmed = pattern.TrimEnd('/');
            return trimmed.StartsWith("**/", StringComparison.Ordinal)
                ? segments.Contains(trimmed[3..], StringComparer.Ordinal)
                : path.TrimEnd('/') == trimmed || path.StartsWith(trimmed + "/", StringComparison.Ordinal)
                    || (trimmed.StartsWith("*.", StringComparison.Ordinal) && path.EndsWith(trimmed[1..], StringComparison.Ordinal));
        });
    }

    private static IEnumerable<string> Imports(string project) =>
        XDocument.Load(project).Descendants("Import")
            .Select(i => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, i.Attribute("Project")!.Value.Replace('\\', '/'))));

    private static HashSet<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(current).Descendants("ProjectReference"))
            {
                var relative = reference.Attribute("Include")!.Value.Replace('\\', '/');
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, relative)));
            }
        }

        return seen;
    }
}
