using TrialEvidence.Api.Table1;

namespace TrialEvidence.Api.Tests.Table1;

public sealed class ColumnWidthsTests
{
    private static readonly ColumnText Id = new("NCT number", ["NCT03482102", "NCT04167293"], OneLine: true);
    private static readonly ColumnText Status = new("Status", ["Active, not recruiting", "Recruiting"], OneLine: true);
    private static readonly ColumnText Wordy = new("Institution", ["the sponsor, Mian XI, is a person; the record names no institution", "West China Hospital"], OneLine: false);

    [Fact]
    public void Every_column_gets_its_unbreakable_text_and_the_rest_goes_to_the_column_that_wraps()
    {
        var widths = ColumnWidths.Fit([Id, Status, Wordy], textWidth: 9000, cellMargins: 216, points: 9);

        Assert.Equal(9000, widths.Sum());
        Assert.True(widths[0] >= TextWidth.Twips("NCT03482102", 9) + 216, $"id column {widths[0]}");
        Assert.True(widths[1] >= TextWidth.Twips("Active, not recruiting", 9) + 216, $"status column {widths[1]}");
        Assert.True(widths[2] > widths[1], $"the wordy column {widths[2]} against {widths[1]}");
    }

    [Fact]
    public void Columns_of_short_text_share_a_wide_page_in_proportion_to_their_text()
    {
        var widths = ColumnWidths.Fit([Id, Status], textWidth: 14570, cellMargins: 216, points: 9);

        Assert.Equal(14570, widths.Sum());
        Assert.True(widths[1] > widths[0], $"{widths[1]} against {widths[0]}");
    }

    [Fact]
    public void Text_too_wide_for_the_page_shrinks_every_column_in_proportion_and_still_fills_the_width()
    {
        var widths = ColumnWidths.Fit([Id, Status, Wordy], textWidth: 2000, cellMargins: 216, points: 9);

        Assert.Equal(2000, widths.Sum());
        Assert.All(widths, w => Assert.True(w > 216, $"{w}"));
    }

    [Fact]
    public void A_width_holds_every_word_when_each_column_can_be_as_wide_as_its_widest_unbreakable_text()
    {
        Assert.True(ColumnWidths.HoldsEveryWord([Id, Status, Wordy], textWidth: 9000, cellMargins: 216, points: 9));
        Assert.False(ColumnWidths.HoldsEveryWord([Id, Status, Wordy], textWidth: 2000, cellMargins: 216, points: 9));
        // Ten narrow columns, each of them wide enough for its id on the page the three above fit.
        Assert.False(ColumnWidths.HoldsEveryWord([.. Enumerable.Repeat(Id, 10)], textWidth: 9000, cellMargins: 216, points: 9));
    }
}
