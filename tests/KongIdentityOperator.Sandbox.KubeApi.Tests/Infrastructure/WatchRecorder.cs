using System.Text.Json.Nodes;
using System.Threading.Channels;
using k8s;
using k8s.Models;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

/// <summary>Runs a KubernetesClient watch in the background and hands its events (and its end) to the test.</summary>
public sealed class WatchRecorder : IAsyncDisposable
{
    private readonly Channel<(WatchEventType Type, JsonObject Object)> _events = Channel.CreateUnbounded<(WatchEventType, JsonObject)>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private readonly List<Exception> _errors = [];

    private WatchRecorder(Func<Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, object)>> watch)
    {
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var (type, obj) in watch(e => { lock (_errors) { _errors.Add(e); } }, _stop.Token))
                {
                    await _events.Writer.WriteAsync((type, ApiFixture.ToNode(obj)));
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped by the test.
            }
            finally
            {
                _events.Writer.TryComplete();
            }
        });
    }

    public IReadOnlyList<Exception> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public static WatchRecorder Gizmos(
        ApiFixture sandbox, string? resourceVersion = null, string? labelSelector = null, bool bookmarks = false, int? timeoutSeconds = null, string? fieldSelector = null) =>
        new((onError, ct) => sandbox.Client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            Infrastructure.Gizmos.Group, Infrastructure.Gizmos.Version, "default", Infrastructure.Gizmos.Plural,
            allowWatchBookmarks: bookmarks, fieldSelector: fieldSelector, labelSelector: labelSelector, resourceVersion: resourceVersion,
            timeoutSeconds: timeoutSeconds, onError: onError, cancellationToken: ct));

    public static WatchRecorder ConfigMaps(ApiFixture sandbox, string? resourceVersion = null) =>
        new((onError, ct) => Map(sandbox.Client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: resourceVersion, onError: onError, cancellationToken: ct)));

    /// <summary>The next event; fails the test if none arrives within 30 s.</summary>
    public async Task<(WatchEventType Type, JsonObject Object)> NextAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            return await _events.Reader.ReadAsync(timeout.Token);
        }
        catch (ChannelClosedException)
        {
            Assert.Fail("The watch ended instead of delivering another event");
            throw;
        }
    }

    /// <summary>Waits (up to 30 s) for the watch stream to end, after any remaining events.</summary>
    public async Task<IReadOnlyList<(WatchEventType Type, JsonObject Object)>> EndAsync()
    {
        var rest = new List<(WatchEventType, JsonObject)>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await foreach (var item in _events.Reader.ReadAllAsync(timeout.Token))
        {
            rest.Add(item);
        }

        return rest;
    }

    public static string Name(JsonObject obj) => obj["metadata"]!["name"]!.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        _stop.Dispose();
    }

    private static async IAsyncEnumerable<(WatchEventType, object)> Map(IAsyncEnumerable<(WatchEventType, V1ConfigMap)> source)
    {
        await foreach (var (type, map) in source)
        {
            yield return (type, map);
        }
    }
}
