namespace KongIdentityOperator.Chaos.Harness;

/// <summary>
/// A folder per test for the kubeconfig and the operators' logs. Under <c>CHAOS_ARTIFACTS</c> (set by <c>make chaos</c>)
/// it is kept for inspection; otherwise it is a temporary folder removed at the end.
/// </summary>
internal sealed class WorkDirectory : IDisposable
{
    private readonly bool _keep;

    public WorkDirectory(string testName)
    {
        var artifacts = Environment.GetEnvironmentVariable("CHAOS_ARTIFACTS");
        _keep = !string.IsNullOrEmpty(artifacts);
        var root = _keep ? System.IO.Path.GetFullPath(artifacts!) : System.IO.Path.GetTempPath();
        var path = System.IO.Path.Combine(root, _keep ? testName : $"kio-chaos-{testName}-{Guid.NewGuid():N}");
        if (_keep && Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Path = Directory.CreateDirectory(path).FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

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
            // A log file still held by an exiting child; the temp folder is cleaned by the OS eventually.
        }
    }
}
