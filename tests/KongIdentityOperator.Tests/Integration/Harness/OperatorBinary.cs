namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>
/// The operator executable the end-to-end scenarios and the live suite run as a child process instead of hosting the
/// operator themselves: <c>OPERATOR_BINARY</c> (<c>make e2e-binary</c>), e.g. the Native AOT executable of
/// <c>make publish-aot</c>. A relative path is taken from the repository root.
/// </summary>
internal static class OperatorBinary
{
    public const string Variable = "OPERATOR_BINARY";

    /// <summary>The configured executable, or null when <c>OPERATOR_BINARY</c> is not set.</summary>
    public static string? Configured => Find(Environment.GetEnvironmentVariable(Variable));

    /// <summary>The framework-dependent build that the project reference places beside the test binaries.</summary>
    public static string BesideTests { get; } = Path.Combine(AppContext.BaseDirectory, "KongIdentityOperator.dll");

    private static string? Find(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        var path = Path.GetFullPath(configured, RepositoryRoot.Path);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{Variable} names no file.", path);
    }
}
