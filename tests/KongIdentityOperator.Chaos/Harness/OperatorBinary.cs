namespace KongIdentityOperator.Chaos.Harness;

/// <summary>
/// The operator executable the suite runs as a child process: the copy the build placed beside the test binaries
/// (the project reference guarantees it is the one built with this suite), or <c>OPERATOR_BINARY</c> to try another
/// build of it: a <c>.dll</c> runs under <c>dotnet</c>, anything else (the Native AOT executable of
/// <c>make publish-aot</c>) runs as it is.
/// </summary>
internal static class OperatorBinary
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("OPERATOR_BINARY") is { Length: > 0 } binary ? binary
            : Environment.GetEnvironmentVariable("CHAOS_OPERATOR_DLL");
        var path = configured is { Length: > 0 }
            ? System.IO.Path.GetFullPath(configured)
            : System.IO.Path.Combine(AppContext.BaseDirectory, "KongIdentityOperator.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The operator executable was not built.", path);
    }
}
