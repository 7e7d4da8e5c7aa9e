namespace KongIdentityOperator.Runtime.Tests.TestEntities;

public sealed class WidgetSpec
{
    public string? Value { get; set; }

    /// <summary>Name of another Widget (or Secret) this one depends on.</summary>
    public string? Ref { get; set; }
}
