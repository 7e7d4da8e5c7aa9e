namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>
/// A folder for one operator child process: its kubeconfig and its log. Under <c>E2E_ARTIFACTS</c> (set by
/// <c>make e2e-binary</c>) it is kept, named after the test, for a look at what the operator said; otherwise it is a
/// temporary folder removed when the operator is disposed.
/// </summary>
internal sealed class OperatorFolder : IDisposable
{
    public const string ArtifactsVariable = "E2E_ARTIFACTS";

    private readonly bool _keep;

    private OperatorFolder(string path, bool keep)
    {
        Path = Directory.CreateDirectory(path).FullName;
        _keep = keep;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public static OperatorFolder Create()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        if (Environment.GetEnvironmentVariable(ArtifactsVariable) is { Length: > 0 } artifacts)
        {
            var test = TestContext.Current.TestMethod is { } method
                ? $"{method.TestClass.TestClassSimpleName}.{method.MethodName}"
                : "operator";
            return new OperatorFolder(System.IO.Path.Combine(System.IO.Path.GetFullPath(artifacts, RepositoryRoot.Path), $"{test}-{unique}"), keep: true);
        }

        return new OperatorFolder(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kio-operator-{unique}"), keep: false);
    }

    public void Dispose()
    {
        if (_keep)
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // The log file still held by an exiting child: the temporary folder goes with the OS's clean-up.
        }
    }
}
