namespace KongIdentityOperator.Chaos.Harness;

/// <summary>Measurements for docs/reliability.md, written into <c>CHAOS_ARTIFACTS</c> when <c>make chaos</c> sets it.</summary>
internal static class Artifacts
{
    public static void Write(string fileName, IEnumerable<string> lines)
    {
        var folder = Environment.GetEnvironmentVariable("CHAOS_ARTIFACTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, fileName), lines);
    }
}
