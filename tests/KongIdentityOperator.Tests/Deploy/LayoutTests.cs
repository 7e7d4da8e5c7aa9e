using System.Xml.Linq;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// The layout shows what ships: <c>src/</c> holds only what goes into the image, and none of it may reference the
/// stand-ins under <c>sandbox/</c>, the build tools under <c>tools/</c> or anything else outside <c>src/</c>.
/// </summary>
public sealed class LayoutTests
{
    private static readonly string Src = RepositoryRoot.Combine("src");

    [Fact]
    public void Nothing_in_src_references_a_project_outside_src()
    {
        var projects = Directory.GetFiles(Src, "*.csproj", SearchOption.AllDirectories);
        Assert.NotEmpty(projects);

        foreach (var project in projects)
        {
            foreach (var reference in References(project))
            {
                var relative = Path.GetRelativePath(Src, reference);
                Assert.False(relative.StartsWith("..", StringComparison.Ordinal), $"{Path.GetFileName(project)} references {Path.GetRelativePath(RepositoryRoot.Path, reference)}, outside src/");
            }
        }
    }

    [Fact]
    public void Every_project_in_src_is_one_the_operator_is_built_from()
    {
        var closure = new HashSet<string>(StringComparer.Ordinal);
        Walk(RepositoryRoot.Combine("src", "KongIdentityOperator", "KongIdentityOperator.csproj"), closure);

        foreach (var project in Directory.GetFiles(Src, "*.csproj", SearchOption.AllDirectories))
        {
            Assert.Contains(Path.GetFullPath(project), closure);
        }
    }

    private static void Walk(string project, HashSet<string> seen)
    {
        if (!seen.Add(Path.GetFullPath(project)))
        {
            return;
        }

        foreach (var reference in References(project))
        {
            Walk(reference, seen);
        }
    }

    private static IEnumerable<string> References(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, r.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar))));
}
