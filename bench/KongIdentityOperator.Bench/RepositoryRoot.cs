namespace KongIdentityOperator.Bench;

/// <summary>The repository root: the nearest folder above the working directory that holds the solution.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KongIdentityOperator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmark from inside the repository");
    }
}
