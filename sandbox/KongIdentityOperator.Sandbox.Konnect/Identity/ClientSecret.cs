using System.Security.Cryptography;
using System.Text;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>One secret of a client. The value never appears in ToString output.</summary>
internal sealed record ClientSecret(Guid Id, long Sequence, string Value, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>Constant-time comparison so the emulator does not teach timing attacks by example.</summary>
    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Value), Encoding.UTF8.GetBytes(candidate));

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Enabled = ").Append(Enabled).Append(", Value = ***");
        return true;
    }
}
