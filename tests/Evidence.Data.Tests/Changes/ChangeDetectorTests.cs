using TrialEvidence.Data.Changes;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Changes;

public class ChangeDetectorTests
{
    private static StudyRecord Record(string description, string? status = "RECRUITING", string? lastKnown = null) => new()
    {
        NctId = "NCT00000001",
        OverallStatus = status,
        LastKnownStatus = lastKnown,
        Complete = true,
        Interventions = [new Intervention("NCT00000001", 0, "RADIATION", "SBRT", description, [], [])],
    };

    [Fact]
    public void A_long_text_is_cut_around_the_words_that_differ()
    {
        var before = string.Join(' ', Enumerable.Repeat("Stereotactic body radiotherapy to the primary tumour.", 12));
        var older = Record(before + " 40 Gy in 5 fractions, then " + before);
        var newer = Record(before + " 30 Gy in 3 fractions, then " + before);

        var change = Assert.Single(ChangeDetector.Compare(older, newer));

        Assert.Equal("interventions", change.Field);
        Assert.All(new[] { change.Old!, change.New! }, text => Assert.InRange(text.Length, 1, ChangeDetector.MaxText));
        Assert.StartsWith("…", change.Old, StringComparison.Ordinal);
        Assert.Contains("40 Gy in 5 fractions", change.Old, StringComparison.Ordinal);
        Assert.Contains("30 Gy in 3 fractions", change.New, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RECRUITING", null, "UNKNOWN", "RECRUITING", "Recruiting", "Unknown status (last known: Recruiting)")]
    [InlineData("RECRUITING", null, "SOME_NEW_CODE", null, "Recruiting", "SOME_NEW_CODE")]
    public void A_status_is_written_as_the_registry_shows_it_to_people(string from, string? fromLast, string to, string? toLast, string old, string @new)
    {
        var change = Assert.Single(ChangeDetector.Compare(Record("x", from, fromLast), Record("x", to, toLast)));

        Assert.Equal(("status", old, @new), (change.Field, change.Old, change.New));
    }

    [Fact]
    public void Text_that_differs_only_in_spacing_is_not_a_change()
    {
        Assert.Empty(ChangeDetector.Compare(Record("40 Gy in 5  fractions\n"), Record(" 40 Gy in 5 fractions")));
    }

    [Fact]
    public void Characters_xml_cannot_hold_are_left_out_of_a_change()
    {
        var running = new StudyRecord { NctId = "NCT00000001", OverallStatus = "TERMINATED", Complete = true };
        var stopped = new StudyRecord { NctId = "NCT00000001", OverallStatus = "TERMINATED", WhyStopped = "Sponsor\u0002 decision", Complete = true };

        var change = Assert.Single(ChangeDetector.Compare(running, stopped));

        Assert.Equal(("whyStopped", (string?)null, "Sponsor decision"), (change.Field, change.Old, change.New));
    }

    [Fact]
    public void A_long_text_is_never_cut_inside_a_surrogate_pair()
    {
        var text = new string('a', ChangeDetector.MaxText - 2) + "\U0001F600" + new string('b', 40);

        var change = Assert.Single(ChangeDetector.Compare(Record("short"), Record(text)));

        Assert.False(HasLoneSurrogate(change.New!), change.New);
        Assert.EndsWith("…", change.New, StringComparison.Ordinal);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
