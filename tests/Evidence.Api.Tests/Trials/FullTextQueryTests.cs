using Dapper;
using TrialEvidence.Api.Trials;

namespace TrialEvidence.Api.Tests.Trials;

/// <summary>
/// The words of a search as the full-text index receives them: full-width forms folded, letters
/// the index keeps (ł, ø) kept, so a search finds what the index holds (review of issue 10's
/// diacritic folding, which matching uses and search must not).
/// </summary>
public sealed class FullTextQueryTests
{
    [Theory]
    [InlineData("Łódź", "\"Łódź\"")]
    [InlineData("København", "\"København\"")]
    [InlineData("ＰＤ－１", "\"PD-1\"")] // full-width forms and dashes folded
    public void Search_words_keep_the_letters_the_index_keeps(string text, string query) =>
        Assert.Equal(query, TrialReads.FullTextQuery(text));

    [Fact]
    public void A_search_for_a_stroke_letter_finds_the_study_that_holds_it()
    {
        using var database = new TempDatabase();
        using var connection = database.Open();
        connection.Execute("INSERT INTO study_search (rowid, nct_id, titles, summary, conditions, interventions, sponsor) VALUES (1, 'NCT00000001', 'A trial in Łódź', '', '', '', '')");

        var found = connection.Query<long>(TrialReads.Matches("@q"), new { q = TrialReads.FullTextQuery("Łódź") }).ToList();

        Assert.Equal([1L], found);
    }
}
