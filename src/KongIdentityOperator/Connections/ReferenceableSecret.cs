using k8s.Models;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Connections;

/// <summary>
/// A Secret is offered to the operator by the label <c>identity.konghq.com/referenceable: "true"</c>. Only an offered
/// Secret is read through <c>tokenSecretRef</c> or <c>clientSecretRef</c>, so being allowed to create a Client is not
/// being allowed to push any Secret of the namespace into Konnect. Labelling a Secret takes write access to it.
/// </summary>
internal static class ReferenceableSecret
{
    public const string Label = "identity.konghq.com/referenceable";

    public static bool IsOffered(V1Secret secret) =>
        secret.Metadata?.Labels?.TryGetValue(Label, out var value) == true && value == "true";

    /// <summary>
    /// The operator sees only offered Secrets (and its own credentials Secrets), so a missing Secret and one that is
    /// not offered look the same: the object waits, and the Secret watch wakes it when the Secret appears labelled.
    /// </summary>
    public static ReconcileOutcome NotSeen(string secretName, string what, string field) => ReconcileOutcome.Progressing(
        ConditionReasons.WaitingForRef,
        $"Waiting for Secret {secretName} with {what} ({field}), labelled {Label}: \"true\": the operator sees no other Secret. If it exists, label it (kubectl label secret {secretName} {Label}=true) if it is meant for this.");

    /// <summary>The object waits; the Secret watch wakes it when the label is added. Nothing of the Secret is used.</summary>
    public static ReconcileOutcome NotOffered(string secretName, string field) => ReconcileOutcome.Progressing(
        ConditionReasons.SecretNotReferenceable,
        $"Secret {secretName} ({field}) is not offered to the operator: it is read only with the label {Label}: \"true\". Label it (kubectl label secret {secretName} {Label}=true) if it is meant for this.");
}
