namespace KongIdentityOperator.Konnect.CoreEntities;

/// <summary>How several tags of a core-entities list filter combine.</summary>
public enum TagMatch
{
    /// <summary>Entities carrying every tag (<c>tags=a,b</c>).</summary>
    All,

    /// <summary>Entities carrying at least one tag (<c>tags=a/b</c>).</summary>
    Any,
}
