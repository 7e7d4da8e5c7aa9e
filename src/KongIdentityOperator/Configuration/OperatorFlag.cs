using System.CommandLine;

namespace KongIdentityOperator.Configuration;

/// <summary>A flag <c>--name</c> and the environment variable that sets the same value.</summary>
internal sealed record OperatorFlag(Option<string[]> Option, string EnvironmentVariable)
{
    /// <summary>The flag without its dashes, e.g. <c>http-port</c>.</summary>
    public string Name => Option.Name[2..];

    /// <summary>How the flag is written with its value: <c>--http-port &lt;n&gt;</c>, or <c>[...]</c> when the value is optional.</summary>
    public string Usage => Option.Arity.MinimumNumberOfValues == 0 ? $"{Option.Name} [{Option.HelpName}]" : $"{Option.Name} <{Option.HelpName}>";
}
