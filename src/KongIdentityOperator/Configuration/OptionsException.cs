namespace KongIdentityOperator.Configuration;

/// <summary>A configuration error to show the user with the usage text.</summary>
internal sealed class OptionsException : Exception
{
    public OptionsException()
    {
    }

    public OptionsException(string message)
        : base(message)
    {
    }

    public OptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
