
namespace KongIdentityOperator.Tests.GitOps;

/// <summary>
/// Paths of the checked-in files these tests read. They are found from the test binary upwards (the solution file
/// marks the root), so the tests read the very files a user applies, not copies in the build output.
/// </summary>
internal static class RepositoryFiles
{
    public static string Root => RepositoryRoot.Path;

    public static string HealthScript => Path.Combine(Root, "config", "argocd", "health.lua");

    public static string ArgoConfigMap => Path.Combine(Root, "config", "argocd", "argocd-cm.yaml");

    public static string LuaHarness => Path.Combine(Root, "tests", "KongIdentityOperator.Tests", "GitOps", "Assets", "harness.lua");

    public static string LuaJsonDecoder => Path.Combine(Root, "tests", "KongIdentityOperator.Tests", "GitOps", "Assets", "json.lua");
}
