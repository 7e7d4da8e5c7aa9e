using System.Globalization;
using System.Text;

namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>Writes the Prometheus text exposition format, version 0.0.4.</summary>
internal sealed class PrometheusTextWriter(TextWriter output)
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public void WriteHeader(IMetricFamily family)
    {
        output.Write("# HELP ");
        output.Write(family.Name);
        output.Write(' ');
        output.Write(EscapeHelp(family.Help));
        output.Write('\n');
        output.Write("# TYPE ");
        output.Write(family.Name);
        output.Write(' ');
        output.Write(family.Type switch
        {
            MetricType.Counter => "counter",
            MetricType.Gauge => "gauge",
            _ => "histogram",
        });
        output.Write('\n');
    }

    public void WriteSample(string name, IReadOnlyList<string> labelNames, IReadOnlyList<string> labelValues, double value)
    {
        output.Write(name);
        WriteLabels(labelNames, labelValues, extraName: null, extraValue: null);
        output.Write(' ');
        output.Write(FormatValue(value));
        output.Write('\n');
    }

    public void WriteBucket(string name, IReadOnlyList<string> labelNames, IReadOnlyList<string> labelValues, string le, long count)
    {
        output.Write(name);
        output.Write("_bucket");
        WriteLabels(labelNames, labelValues, "le", le);
        output.Write(' ');
        output.Write(count.ToString(CultureInfo.InvariantCulture));
        output.Write('\n');
    }

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private void WriteLabels(IReadOnlyList<string> names, IReadOnlyList<string> values, string? extraName, string? extraValue)
    {
        if (names.Count == 0 && extraName is null)
        {
            return;
        }

        output.Write('{');
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                output.Write(',');
            }

            WriteLabel(names[i], values[i]);
        }

        if (extraName is not null)
        {
            if (names.Count > 0)
            {
                output.Write(',');
            }

            WriteLabel(extraName, extraValue!);
        }

        output.Write('}');
    }

    private void WriteLabel(string name, string value)
    {
        output.Write(name);
        output.Write("=\"");
        output.Write(EscapeLabelValue(value));
        output.Write('"');
    }

    private static string EscapeHelp(string help) =>
        help.Contains('\\', StringComparison.Ordinal) || help.Contains('\n', StringComparison.Ordinal)
            ? help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            : help;

    private static string EscapeLabelValue(string value)
    {
        if (value.AsSpan().IndexOfAny("\\\"\n") < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
