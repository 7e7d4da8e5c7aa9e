using System.Text;
using KongIdentityOperator.Runtime.Events;

namespace KongIdentityOperator.Runtime.Tests.Events;

public sealed class EventNoteTests
{
    [Fact]
    public void Short_notes_are_kept() => Assert.Equal("short", EventNote.Truncate("short"));

    [Fact]
    public void Long_notes_are_cut_to_one_kibibyte_without_splitting_characters()
    {
        var note = string.Concat(Enumerable.Repeat("é€😀", 500));

        var truncated = EventNote.Truncate(note);

        Assert.InRange(Encoding.UTF8.GetByteCount(truncated), EventNote.MaxBytes - 8, EventNote.MaxBytes);
        Assert.EndsWith("...", truncated, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(truncated)));
        Assert.StartsWith(truncated[..^3], note, StringComparison.Ordinal);
    }
}
