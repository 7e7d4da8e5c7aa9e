using System.Text;
using k8s.Models;

namespace KongIdentityOperator.Secrets;

/// <summary>Reads one key of a Secret: <c>data</c> (base64 on the wire, bytes here), else <c>stringData</c>.</summary>
internal static class SecretData
{
    public static string? Read(V1Secret secret, string key)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Data?.TryGetValue(key, out var bytes) == true && bytes is not null)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        return secret.StringData?.TryGetValue(key, out var text) == true ? text : null;
    }
}
