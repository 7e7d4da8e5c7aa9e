namespace KongIdentityOperator.TestSupport;

/// <summary>The checkout's root: the nearest folder holding the solution file above the binaries, else above the working directory.</summary>
public static class RepositoryRoot
{
    private const string Solution = "KongIdentityOperator.sln";

    public static string Path { get; } =
        Find(AppContext.BaseDirectory) ?? Find(Environment.CurrentDirectory)
        ?? throw new InvalidOperationException($"{Solution} not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}: run from inside the repository");

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds the solution file, or null.</summary>
    public static string? Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, Solution)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
