namespace KongIdentityOperator.Chaos.BadInput;

/// <summary>
/// A manifest the API server must refuse: the object <paramref name="Yaml"/> itself, or — with
/// <paramref name="Patch"/> — a JSON merge patch of that (valid) object. The refusal must name
/// <paramref name="Field"/> and say <paramref name="Reason"/>.
/// </summary>
internal sealed record AdmissionCase(string Name, string Yaml, string Field, string Reason, string? Patch = null, bool StrictFields = false)
{
    public string Plural => Manifest.PluralOf(Yaml);

    public override string ToString() => Name;
}
