namespace KongIdentityOperator.Sandbox.KubeApi.Selectors;

/// <summary>The operators of the label selector grammar.</summary>
internal enum LabelOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
