namespace KongIdentityOperator.Tests.Integration.Tenancy;

/// <summary>How a <see cref="BadKonnectServer"/> misbehaves.</summary>
internal enum BadKonnectBehavior
{
    Hang,
    RateLimit,
}
