using System.Globalization;
using System.Security.Cryptography;

namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>Correlation ids shaped like Konnect's <c>kong:trace:&lt;digits&gt;</c>.</summary>
internal static class TraceIds
{
    public static string New() =>
        "kong:trace:" + ((ulong)RandomNumberGenerator.GetInt32(1, int.MaxValue) * (ulong)RandomNumberGenerator.GetInt32(1, int.MaxValue))
            .ToString(CultureInfo.InvariantCulture);
}
