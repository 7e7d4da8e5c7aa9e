namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>
/// A running operator as the tests see it: hosted in the test process (<see cref="OperatorInstance"/>) or the
/// executable as a child process (<see cref="OperatorChild"/>, when <c>OPERATOR_BINARY</c> is set).
/// </summary>
public interface IOperatorInstance : IAsyncDisposable
{
    /// <summary>Every line the operator logged so far, at Debug level and above.</summary>
    CapturedLogs Logs { get; }

    /// <summary>Base address of <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.</summary>
    Uri? EndpointAddress { get; }

    /// <summary>Stops as a pod does: in-flight reconciles may finish.</summary>
    Task StopAsync();

    /// <summary>Stops at once, in-flight work cut off.</summary>
    Task KillAsync();
}
