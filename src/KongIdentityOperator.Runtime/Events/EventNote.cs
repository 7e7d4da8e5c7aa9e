using System.Text;

namespace KongIdentityOperator.Runtime.Events;

/// <summary>Event notes are limited to 1 KiB by the API server.</summary>
internal static class EventNote
{
    public const int MaxBytes = 1024;

    /// <summary>Cuts <paramref name="note"/> to at most <see cref="MaxBytes"/> UTF-8 bytes without splitting a character.</summary>
    public static string Truncate(string note)
    {
        if (Encoding.UTF8.GetByteCount(note) <= MaxBytes)
        {
            return note;
        }

        const string ellipsis = "...";
        var budget = MaxBytes - ellipsis.Length;
        var builder = new StringBuilder();
        var used = 0;
        foreach (var rune in note.EnumerateRunes())
        {
            used += rune.Utf8SequenceLength;
            if (used > budget)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.Append(ellipsis).ToString();
    }
}
