namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>The options of one write request and the warnings it collects for the <c>Warning</c> response header.</summary>
internal sealed class WriteContext(bool dryRun, string? fieldManager, FieldValidation fieldValidation, bool force = false)
{
    public static WriteContext Internal => new(dryRun: false, fieldManager: null, FieldValidation.Ignore);

    public bool DryRun { get; } = dryRun;

    public string? FieldManager { get; } = fieldManager;

    public FieldValidation FieldValidation { get; } = fieldValidation;

    public bool Force { get; } = force;

    public List<string> Warnings { get; } = [];
}
