using Microsoft.Extensions.Options;

namespace KongIdentityOperator.Konnect;

/// <summary>Rejects unusable <see cref="KonnectClientOptions"/> when they are first read.</summary>
internal sealed class KonnectClientOptionsValidator : IValidateOptions<KonnectClientOptions>
{
    public ValidateOptionsResult Validate(string? name, KonnectClientOptions options)
    {
        var errors = options.Problems();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
