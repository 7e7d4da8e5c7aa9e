namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>A claim template that does not parse or cannot be rendered.</summary>
internal sealed class TemplateException : Exception
{
    public TemplateException()
    {
    }

    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
