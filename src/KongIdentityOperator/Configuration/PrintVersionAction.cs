using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace KongIdentityOperator.Configuration;

/// <summary><c>--version</c>: the operator assembly's informational version (what the release build stamps), not the host's.</summary>
internal sealed class PrintVersionAction : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(PrintVersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(PrintVersionAction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return 0;
    }
}
