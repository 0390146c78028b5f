using System.Text.Json.Nodes;
using Dapper;
using TrialEvidence.Api.Trials;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Search;

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
        using var database = new ApiDatabase();
        var record = JsonNode.Parse(File.ReadAllText(SharedData.CtGovFile("NCT03475563.json")))!;
        record["protocolSection"]!["identificationModule"]!["briefTitle"] = "A trial in Łódź";
        Assert.Equal(1, database.Import(database.WriteFile("lodz/NCT03475563.json", record.ToJsonString())).Counts.New);
        using var connection = database.Open();

        var found = connection.Query<long>(connection.Sql(TrialReads.Matches("@q")), new { q = new FullTextQuery(TrialReads.FullTextQuery("Łódź")!) }).ToList();

        Assert.Equal([connection.ExecuteScalar<long>(connection.Sql("SELECT rowid FROM studies WHERE nct_id = 'NCT03475563'"))], found);
    }
}
