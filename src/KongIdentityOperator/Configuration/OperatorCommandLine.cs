using System.CommandLine;

namespace KongIdentityOperator.Configuration;

/// <summary>
/// What the process does with its arguments: <c>--help</c> and <c>--version</c> print and exit 0; a bad flag or value
/// prints one line and exits 2; anything else yields the options to run with.
/// </summary>
internal static class OperatorCommandLine
{
    public const int UsageError = 2;

    public static CommandLineOutcome Parse(IReadOnlyList<string> args, Func<string, string?> environment, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var command = new OperatorCommand();
        var result = command.Parse(args);
        if (result.Errors.Count == 0 && result.Action is not null)
        {
            return new CommandLineOutcome(null, result.Invoke(new InvocationConfiguration { Output = output, Error = error }));
        }

        try
        {
            return new CommandLineOutcome(OperatorOptionsParser.From(command, result, args, environment), 0);
        }
        catch (OptionsException e)
        {
            error.WriteLine($"error: {e.Message} (--help lists the flags)");
            return new CommandLineOutcome(null, UsageError);
        }
    }
}

/// <summary>The options to run with, or, when there are none, the code the process exits with.</summary>
internal sealed record CommandLineOutcome(OperatorOptions? Options, int ExitCode);
