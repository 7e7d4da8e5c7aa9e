namespace KongIdentityOperator.Entities;

/// <summary>JWT signing algorithms Kong Identity supports.</summary>
public enum SigningAlgorithm
{
    RS256,
    RS384,
    RS512,
    PS256,
    PS384,
    PS512,
}
