namespace KongIdentityOperator.Entities;

/// <summary>
/// Transition rules placed on a spec rather than on the optional field itself: a rule on an optional field only runs
/// when the field is in both the old and the new object, so it could not stop the field from being removed.
/// </summary>
internal static class SpecRules
{
    public const string KonnectLocationImmutable =
        "(has(self.konnect) && has(self.konnect.region) ? self.konnect.region : '') == (has(oldSelf.konnect) && has(oldSelf.konnect.region) ? oldSelf.konnect.region : '')"
        + " && (has(self.konnect) && has(self.konnect.serverURL) ? self.konnect.serverURL : '') == (has(oldSelf.konnect) && has(oldSelf.konnect.serverURL) ? oldSelf.konnect.serverURL : '')";

    public const string KonnectLocationMessage =
        "konnect.region and konnect.serverURL are immutable (they cannot be set, changed or removed after creation): the object cannot move between Konnect regions or servers";

    public const string AdoptImmutable = "!has(oldSelf.adopt) || (has(self.adopt) && self.adopt.id == oldSelf.adopt.id)";

    public const string AdoptMessage = "adopt.id cannot be changed or removed once set";
}
