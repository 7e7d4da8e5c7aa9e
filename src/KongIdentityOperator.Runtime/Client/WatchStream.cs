using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>The events of a watch response: one JSON object per line, read without copying a line into a string.</summary>
internal static class WatchStream
{
    public static async IAsyncEnumerable<(WatchEventType Type, TEntity Entity)> ReadAsync<TEntity>(
        Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                while (TryReadLine(ref buffer, out var line))
                {
                    if (Parse<TEntity>(line) is { } watchEvent)
                    {
                        yield return watchEvent;
                    }
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    if (!buffer.IsEmpty && Parse<TEntity>(buffer) is { } last)
                    {
                        yield return last;
                    }

                    yield break;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        if (buffer.PositionOf((byte)'\n') is not { } end)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, end);
        buffer = buffer.Slice(buffer.GetPosition(1, end));
        return true;
    }

    private static (WatchEventType, TEntity)? Parse<TEntity>(ReadOnlySequence<byte> line)
    {
        if (IsBlank(line))
        {
            return null;
        }

        // Most lines sit in one segment; a line split across segments is copied once.
        ReadOnlySpan<byte> bytes = line.IsSingleSegment ? line.FirstSpan : line.ToArray();
        var (type, start, length) = EntityJson.ReadEventEnvelope(bytes);
        if (start < 0)
        {
            return null;
        }

        var json = bytes.Slice(start, length);
        var eventType = type switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            "ERROR" => throw new KubernetesException(KubernetesJsonOptions.Deserialize<V1Status>(json)),
            _ => (WatchEventType?)null,
        };
        return eventType is { } known ? (known, KubernetesJsonOptions.Deserialize<TEntity>(json)) : null;
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\r' or (byte)'\t'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
