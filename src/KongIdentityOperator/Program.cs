using k8s;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var commandLine = OperatorCommandLine.Parse(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error);
if (commandLine.Options is not { } options)
{
    return commandLine.ExitCode; // --help, --version, or a one-line error
}

var kubernetes = options.Kubeconfig is { } path
    ? KubernetesClientConfiguration.BuildConfigFromConfigFile(path)
    : KubernetesClientConfiguration.IsInCluster()
        ? KubernetesClientConfiguration.InClusterConfig()
        : KubernetesClientConfiguration.BuildDefaultConfig();

var builder = Host.CreateApplicationBuilder();
builder.Logging.AddSimpleConsole(console =>
{
    console.SingleLine = true;
    console.TimestampFormat = "HH:mm:ss ";
});
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
builder.Logging.AddFilter("Polly", LogLevel.Warning);
builder.Services.AddKongIdentityOperator(options, kubernetes);

using var host = builder.Build();
var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KongIdentityOperator");
log.LogInformation("Starting with {Options}", options);
foreach (var warning in options.Warnings)
{
    log.LogWarning("{Warning}", warning);
}

await host.RunAsync();
return 0;
