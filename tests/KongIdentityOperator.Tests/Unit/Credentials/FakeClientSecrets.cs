using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Tests.Unit.Credentials;

/// <summary>A client's secrets as Konnect keeps them (ids, values, creation order), with a log of the writes made.</summary>
internal sealed class FakeClientSecrets : IClientSecretsApi
{
    private readonly List<(ClientSecret Secret, string Value)> _secrets = [];
    private int _clock;

    public List<string> Writes { get; } = [];

    public IReadOnlyList<string> Ids => [.. _secrets.Select(s => s.Secret.Id)];

    public string Add(string value)
    {
        var id = $"secret-{_secrets.Count + Writes.Count + 1}-{value.GetHashCode(StringComparison.Ordinal) & 0xffff:x}";
        _secrets.Add((new ClientSecret { Id = id, Enabled = true, CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(++_clock) }, value));
        return id;
    }

    public bool Holds(string value) => _secrets.Any(s => s.Value == value && s.Secret.Enabled);

    public Task<Page<ClientSecret>> ListAsync(string authServerId, string clientId, ClientSecretListQuery? query = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public async IAsyncEnumerable<ClientSecret> ListAllAsync(string authServerId, string clientId, ClientSecretListQuery? query = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var (secret, _) in _secrets.ToList())
        {
            yield return secret;
        }
    }

    public Task<ClientSecret?> GetAsync(string authServerId, string clientId, string clientSecretId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ClientSecret> CreateAsync(string authServerId, string clientId, ClientSecretCreate body, CancellationToken cancellationToken = default)
    {
        Assert.True(_secrets.Count(s => s.Secret.Enabled) < 2, "a third enabled secret: Konnect would refuse it (403)");
        var id = Add(body.Secret!);
        Writes.Add($"POST {id}");
        return Task.FromResult(_secrets.Single(s => s.Secret.Id == id).Secret);
    }

    public Task<ClientSecret> PatchAsync(string authServerId, string clientId, string clientSecretId, ClientSecretPatch body, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<bool> DeleteAsync(string authServerId, string clientId, string clientSecretId, CancellationToken cancellationToken = default)
    {
        Writes.Add($"DELETE {clientSecretId}");
        return Task.FromResult(_secrets.RemoveAll(s => s.Secret.Id == clientSecretId) > 0);
    }
}
