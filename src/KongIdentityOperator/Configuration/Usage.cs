namespace KongIdentityOperator.Configuration;

/// <summary>The usage text, generated from <see cref="OptionDefinitions"/>.</summary>
internal static class Usage
{
    public static string Text { get; } =
        "usage: KongIdentityOperator [flags]\n\nflags (each also settable by the environment variable shown):\n"
        + string.Concat(OptionDefinitions.All.Select(o => $"  --{o.Name} {o.Value}\n      {o.Help}  [{o.EnvironmentVariable}]\n"));
}
