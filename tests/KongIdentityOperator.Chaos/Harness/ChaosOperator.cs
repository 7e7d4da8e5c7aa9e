namespace KongIdentityOperator.Chaos.Harness;

/// <summary>Starts the operator executable for the suite, with debug logs, and waits until it serves HTTP.</summary>
internal static class ChaosOperator
{
    /// <summary>Starts the operator and waits until <c>/healthz</c> answers (a port taken in between is retried).</summary>
    public static async Task<OperatorProcess> StartAsync(OperatorLaunch launch, CancellationToken cancellationToken)
    {
        // Debug logs too, so that the no-secrets scan sees everything the operator can say.
        var environment = new Dictionary<string, string>(launch.Environment) { ["Logging__LogLevel__Default"] = "Debug" };
        return await OperatorProcess.StartUntilOkAsync(
                port => new OperatorStart(launch.Arguments(port), port, launch.LogFile) { Environment = environment },
                "healthz",
                TimeSpan.FromSeconds(90),
                TimeSpan.FromMilliseconds(200),
                cancellationToken)
            ?? throw new InvalidOperationException($"The operator did not start; last lines of {launch.LogFile}:\n{OperatorProcess.Tail(launch.LogFile)}");
    }
}
