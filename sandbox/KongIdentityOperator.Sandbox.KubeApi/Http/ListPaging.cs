using System.Globalization;
using System.Text;
using KongIdentityOperator.Sandbox.KubeApi.Errors;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>
/// <c>limit</c>/<c>continue</c> paging. The token names the last key served and the first page's resourceVersion;
/// later pages read the current state after that key (the real server reads a snapshot at that version).
/// </summary>
internal static class ListPaging
{
    public static string Encode(long resourceVersion, string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{resourceVersion.ToString(CultureInfo.InvariantCulture)}\n{lastKey}"));

    public static (long ResourceVersion, string LastKey) Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var split = text.IndexOf('\n', StringComparison.Ordinal);
            return (long.Parse(text[..split], CultureInfo.InvariantCulture), text[(split + 1)..]);
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw ApiErrors.BadRequest("continue key is not valid: illegal base64 data");
        }
    }

    public static string SortKey(string @namespace, string name) => $"{@namespace}/{name}";
}
