using System.Xml.Linq;
using k8s;
using k8s.Models;
using KongIdentityOperator.Tests.Integration.Harness;

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
        var runtimeStage = Dockerfile.SkipWhile(l => l != "FROM ${RUNTIME_IMAGE}").ToList();
        Assert.NotEmpty(runtimeStage);
        Assert.Contains("-chiseled@", BaseImages()["RUNTIME_IMAGE"], StringComparison.Ordinal);
        Assert.Contains("USER 65532:65532", runtimeStage);
        Assert.Contains("ENTRYPOINT [\"/app/KongIdentityOperator\"]", runtimeStage);

        var deployment = KubernetesYaml.LoadAllFromString(File.ReadAllText(RepositoryRoot.Combine("config", "manager", "deployment.yaml"))).OfType<V1Deployment>().Single();
        Assert.Equal(65532, deployment.Spec.Template.Spec.SecurityContext.RunAsUser);
        Assert.Equal(65532, deployment.Spec.Template.Spec.SecurityContext.RunAsGroup);
    }

    [Fact]
    public void The_image_is_a_Native_AOT_build_with_its_toolchain_locked_packages_and_no_accepted_warnings()
    {
        var buildStage = Dockerfile.TakeWhile(l => l != "FROM ${RUNTIME_IMAGE}").ToList();
        Assert.Contains(buildStage, l => l.Contains("-p:PublishAot=true", StringComparison.Ordinal));
        Assert.Contains(buildStage, l => l.Contains("apt-get install", StringComparison.Ordinal) && l.Contains("clang", StringComparison.Ordinal) && l.Contains("zlib1g-dev", StringComparison.Ordinal));

        // Native AOT does not cross-compile here: the build stage must run on the target platform.
        Assert.DoesNotContain(buildStage, l => l.StartsWith("FROM ", StringComparison.Ordinal) && l.Contains("$BUILDPLATFORM", StringComparison.Ordinal));

        // Restore and publish see the same properties (PublishAot picks the package and the lock file), the restore is
        // locked, and no warning is waved through.
        Assert.Contains(buildStage, l => l.Contains("dotnet restore", StringComparison.Ordinal) && l.Contains("$PUBLISH_PROPERTIES", StringComparison.Ordinal) && l.Contains("-p:RestoreLockedMode=true", StringComparison.Ordinal));
        Assert.Contains(buildStage, l => l.Contains("dotnet publish", StringComparison.Ordinal) && l.Contains("$PUBLISH_PROPERTIES", StringComparison.Ordinal));
        Assert.DoesNotContain(buildStage, l => l.Contains("WarningsNotAsErrors", StringComparison.Ordinal) || l.Contains("NoWarn", StringComparison.Ordinal));
        foreach (var project in new[] { "KongIdentityOperator", "KongIdentityOperator.Konnect", "KongIdentityOperator.Runtime" })
        {
            Assert.True(File.Exists(RepositoryRoot.Combine("src", project, "packages.aot.lock.json")), $"src/{project}/packages.aot.lock.json is missing (make publish-aot writes it)");
        }
    }

    [Fact]
    public void Every_base_image_is_pinned_by_digest()
    {
        var images = BaseImages();
        var froms = Dockerfile.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(froms);

        foreach (var from in froms)
        {
            // FROM [--platform=...] image [AS name]; an ARG reference is resolved to its default.
            var image = from.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).First(w => !w.StartsWith("--", StringComparison.Ordinal));
            var resolved = image.StartsWith("${", StringComparison.Ordinal) ? images.GetValueOrDefault(image[2..^1], image) : image;
            Assert.Matches("^[^@]+:[^@]+@sha256:[0-9a-f]{64}$", resolved);
        }
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

    /// <summary>The defaults of the <c>ARG name=value</c> lines before the first stage.</summary>
    private static Dictionary<string, string> BaseImages() =>
        Dockerfile.TakeWhile(l => !l.StartsWith("FROM ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("ARG ", StringComparison.Ordinal) && l.Contains('=', StringComparison.Ordinal))
            .Select(l => l[4..].Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

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
