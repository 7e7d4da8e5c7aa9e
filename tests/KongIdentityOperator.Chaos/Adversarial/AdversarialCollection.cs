namespace KongIdentityOperator.Chaos.Adversarial;

/// <summary>The attack classes share one <see cref="AdversarialWorld"/>: one operator, one victim, many attackers.</summary>
[CollectionDefinition(Name)]
public sealed class AdversarialCollection : ICollectionFixture<AdversarialWorld>
{
    public const string Name = "adversarial";
}
