using System.Globalization;
using System.Runtime.InteropServices;

namespace KongIdentityOperator.Bench;

/// <summary>What the numbers were measured on: cores, CPU model, memory, OS and runtime.</summary>
internal static class MachineDescription
{
    public static string Read()
    {
        var model = ReadLine("/proc/cpuinfo", "model name")?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = ReadLine("/proc/meminfo", "MemTotal")?.Split(':', 2)[1].Trim().Split(' ')[0] is { } kb
            && long.TryParse(kb, NumberStyles.Integer, CultureInfo.InvariantCulture, out var total)
                ? string.Create(CultureInfo.InvariantCulture, $"{total / 1024.0 / 1024.0:F0} GiB")
                : "unknown memory";
        return $"{Environment.ProcessorCount} cores ({model}), {memory}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static string? ReadLine(string file, string prefix) =>
        File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;
}
