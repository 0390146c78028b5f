using System.Text;
using Dapper;
using TrialEvidence.Data.Normalisation;

namespace TrialEvidence.Data.Tests.Normalisation;

public class RenormaliserTests
{
    /// <summary>The normalised value of a field of NCT04547452's drug intervention (NULL when it has none).</summary>
    private static string DrugValue(string field) => $"""
        SELECT (SELECT group_concat(v.value, ' + ') FROM intervention_values v WHERE v.nct_id = i.nct_id AND v.ordinal = i.ordinal AND v.field = '{field}')
        FROM interventions i WHERE i.nct_id = 'NCT04547452' AND i.type = 'DRUG'
        """;

    [Fact]
    public void Import_stores_normalised_values_with_their_provenance()
    {
        using var database = new TempDatabase();
        database.Import(SharedData.CtGovFile("reconstructed"));
        using var connection = database.Open();

        var sintilimab = (connection.QuerySingle<string>(DrugValue("agent")), connection.QuerySingle<string>(DrugValue("target")), connection.QuerySingle<string>(DrugValue("agent_class")));
        var source = connection.QuerySingle<(string Field, string Matched)>(
            "SELECT source_field, matched_text FROM normalised_terms WHERE nct_id = 'NCT04547452' AND field = 'agent'");
        var regimen = connection.QuerySingle<(double Min, double Max, long FractionsMin, long FractionsMax)>(
            "SELECT total_dose_gy_min, total_dose_gy_max, fractions_min, fractions_max FROM rt_regimens WHERE nct_id = 'NCT04167293'");

        Assert.Equal(("sintilimab", "PD-1", "ICI"), sintilimab);
        Assert.Equal(("interventions[0].name", "Sintilimab"), source);
        Assert.Equal((30.0, 54.0, 3L, 6L), regimen);
        Assert.Equal(Vocabulary.Embedded.Version, connection.QuerySingle<string>("SELECT vocabulary_version FROM study_summaries WHERE nct_id = 'NCT04547452'"));
    }

    [Fact]
    public void Renormalising_with_a_changed_vocabulary_rederives_every_value_offline_from_the_raw_versions()
    {
        using var database = new TempDatabase();
        database.Import(SharedData.CtGovFile("reconstructed"));
        using var connection = database.Open();
        var rawBefore = connection.Query<string>("SELECT raw_json FROM study_versions_json ORDER BY id").ToList();
        // A vocabulary that no longer knows sintilimab, under a new version.
        var json = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "Evidence.Data", "Normalisation", "vocabulary.json"))
            .Replace("\"sintilimab\"", "\"sintilimab-retired\"", StringComparison.Ordinal)
            .Replace("\"IBI308\", ", string.Empty, StringComparison.Ordinal)
            .Replace(Vocabulary.Embedded.Version, "test-1", StringComparison.Ordinal);
        var changed = new StudyNormaliser(new VocabularyMatchers(Vocabulary.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)))));
        var renormaliser = new Renormaliser(database.Connections, TimeProvider.System);

        var summary = renormaliser.Run(changed);

        Assert.Equal((7L, "test-1"), (summary.Studies, summary.VocabularyVersion));
        Assert.Equal(2, summary.Changed); // the two sintilimab trials
        Assert.Null(connection.QuerySingle<string?>(DrugValue("agent")));
        Assert.Equal("PD-1", connection.QuerySingle<string?>(DrugValue("target")));
        Assert.Equal(["test-1"], connection.Query<string>("SELECT DISTINCT vocabulary_version FROM study_summaries"));
        Assert.Equal(rawBefore, connection.Query<string>("SELECT raw_json FROM study_versions_json ORDER BY id"));
        Assert.Equal([("test-1", 7L)], renormaliser.Stale(Vocabulary.Embedded.Version)); // what start-up warns of

        var back = renormaliser.Run(StudyNormaliser.Embedded);
        Assert.Empty(renormaliser.Stale(Vocabulary.Embedded.Version));

        Assert.Equal(2, back.Changed);
        Assert.Equal("sintilimab", connection.QuerySingle<string?>(DrugValue("agent")));
    }

    [Fact]
    public void Renormalising_with_the_same_vocabulary_changes_nothing()
    {
        using var database = new TempDatabase();
        database.Import(SharedData.CtGov);

        var summary = new Renormaliser(database.Connections, TimeProvider.System).Run(StudyNormaliser.Embedded);

        Assert.Equal((69L, 0L), (summary.Studies, summary.Changed));
    }
}
