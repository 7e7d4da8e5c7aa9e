namespace KongIdentityOperator.Tests.Unit.Crds;

/// <summary>The checkout the tests run from: the first folder above the test binary that holds the solution file.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> LazyPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KongIdentityOperator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No KongIdentityOperator.sln above {AppContext.BaseDirectory}.");
    });

    public static string FullPath => LazyPath.Value;

    public static string CrdDirectory => Path.Combine(FullPath, "config", "crds");
}
