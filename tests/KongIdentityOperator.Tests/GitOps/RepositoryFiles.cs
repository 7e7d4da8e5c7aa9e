namespace KongIdentityOperator.Tests.GitOps;

/// <summary>
/// Paths of the checked-in files these tests read. They are found from the test binary upwards (the solution file
/// marks the root), so the tests read the very files a user applies, not copies in the build output.
/// </summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string HealthScript => Path.Combine(Root, "config", "argocd", "health.lua");

    public static string ArgoConfigMap => Path.Combine(Root, "config", "argocd", "argocd-cm.yaml");

    public static string LuaHarness => Path.Combine(Root, "tests", "KongIdentityOperator.Tests", "GitOps", "Assets", "harness.lua");

    public static string LuaJsonDecoder => Path.Combine(Root, "tests", "KongIdentityOperator.Tests", "GitOps", "Assets", "json.lua");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KongIdentityOperator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No KongIdentityOperator.sln above {AppContext.BaseDirectory}.");
    }
}
