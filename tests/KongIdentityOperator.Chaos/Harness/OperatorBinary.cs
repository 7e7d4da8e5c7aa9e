namespace KongIdentityOperator.Chaos.Harness;

/// <summary>
/// The operator executable the suite runs as a child process: the copy the build placed beside the test binaries
/// (the project reference guarantees it is the one built with this suite), or <c>CHAOS_OPERATOR_DLL</c> to try
/// another build of it.
/// </summary>
internal static class OperatorBinary
{
    public static string DllPath { get; } = Find();

    private static string Find()
    {
        var path = Environment.GetEnvironmentVariable("CHAOS_OPERATOR_DLL") is { Length: > 0 } other
            ? Path.GetFullPath(other)
            : Path.Combine(AppContext.BaseDirectory, "KongIdentityOperator.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The operator executable was not built.", path);
    }
}
