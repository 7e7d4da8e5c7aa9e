namespace KongIdentityOperator.TestSupport;

/// <summary>
/// A child process's output file: lines from its stdout and stderr handlers, written one at a time; lines that
/// arrive after it is closed (the process is gone) are dropped.
/// </summary>
public sealed class LineLog(string path) : IDisposable
{
    private readonly StreamWriter _writer = new(path, append: true) { AutoFlush = true };
    private readonly Lock _gate = new();
    private bool _closed;

    public void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!_closed)
            {
                _writer.WriteLine(line);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _writer.Dispose();
        }
    }
}
