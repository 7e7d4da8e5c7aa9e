using System.Collections.Concurrent;
using System.Text;
using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>
/// Every <c>client_secret</c> value every Secret ever held during a run, from a watch of all Secrets (resumed after
/// each dropped watch; relisted after 410). A Secret whose value changed without a rotation lost a secret that a
/// workload may already have used; the values are also what the no-leak scan looks for.
/// </summary>
internal sealed class SecretHistory : IAsyncDisposable
{
    private const string Key = "client_secret";

    private readonly IKubernetesClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _values = new(StringComparer.Ordinal);
    private readonly Task _loop;

    private SecretHistory(IKubernetesClient client)
    {
        _client = client;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Values seen per Secret, keyed <c>namespace/name/uid</c> (a recreated Secret is another key).</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Values =>
        _values.ToDictionary(p => p.Key, p => (IReadOnlyCollection<string>)[.. p.Value.Keys], StringComparer.Ordinal);

    public IReadOnlySet<string> AllValues => _values.Values.SelectMany(v => v.Keys).ToHashSet(StringComparer.Ordinal);

    public static SecretHistory Start(IKubernetesClient client) => new(client);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    // Catches everything on purpose: the recorder must outlive every injected fault.
    private async Task RunAsync(CancellationToken stop)
    {
        string? resourceVersion = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (resourceVersion is null)
                {
                    var list = await _client.ListWithResourceVersionAsync<V1Secret>(cancellationToken: stop);
                    foreach (var secret in list.Items)
                    {
                        Record(secret);
                    }

                    resourceVersion = list.ResourceVersion;
                }

                await foreach (var (type, secret) in _client.WatchAsync<V1Secret>(resourceVersion: resourceVersion, cancellationToken: stop))
                {
                    if (type != WatchEventType.Deleted)
                    {
                        Record(secret);
                    }

                    resourceVersion = secret.Metadata?.ResourceVersion ?? resourceVersion;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e.IsGone())
            {
                resourceVersion = null;
            }
            catch (Exception)
            {
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    private void Record(V1Secret secret)
    {
        if (secret.Data?.TryGetValue(Key, out var bytes) == true && bytes is { Length: > 0 })
        {
            var key = $"{secret.Metadata.NamespaceProperty}/{secret.Metadata.Name}/{secret.Metadata.Uid}";
            _values.GetOrAdd(key, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[Encoding.UTF8.GetString(bytes)] = 0;
        }
    }
}
