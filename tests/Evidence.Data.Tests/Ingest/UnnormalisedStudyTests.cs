using System.Data.Common;
using System.Text.Json;
using Dapper;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Ingest;

/// <summary>
/// A normaliser rule that fails on one record must not stop an import of the registry, nor lose
/// the record: the study is stored with its raw JSON, found by search, and says why it has no
/// derived values (set 162's NCT01005043 made one rule throw before it was mended).
/// </summary>
public sealed class UnnormalisedStudyTests
{
    private static StudyRecord RecordOf(string file, out byte[] utf8)
    {
        utf8 = File.ReadAllBytes(file);
        using var document = JsonDocument.Parse(utf8);
        return StudyRecordParser.Parse(document.RootElement);
    }

    [Fact]
    public void A_rule_that_throws_leaves_the_study_without_values_and_says_which_rule()
    {
        var record = RecordOf(SharedData.CtGovFile("NCT04267848.json"), out _);

        var study = StudyNormaliser.Embedded.Guarded(record, r => throw new ArgumentOutOfRangeException("count", "a rule read past its words"));

        var error = Assert.Single(study.Sources);
        Assert.Equal((NormalisedField.NormaliserError, "study", "record"), (error.Field, error.Entity, error.SourceField));
        Assert.StartsWith("ArgumentOutOfRangeException: a rule read past its words", error.Value, StringComparison.Ordinal);
        Assert.Equal("unknown", error.Matched); // thrown here, in no rule of the normaliser
        Assert.Equal(record.Interventions.Count, study.Interventions.Count);
        Assert.All(study.Interventions, terms => Assert.Empty(terms.Values()));
        Assert.Equal(record.Outcomes.Count, study.Outcomes.Count);
        Assert.All(study.Outcomes, outcome => Assert.Null(outcome.EndpointClass));
        Assert.Contains(record.BriefTitle!, study.Search.Titles, StringComparison.Ordinal);
        Assert.Equal(StudyNormaliser.Embedded.VocabularyVersion + " (normaliser failed)", study.VocabularyVersion);
    }

    [Fact]
    public void A_rule_that_does_not_throw_is_what_the_normaliser_returns()
    {
        var record = RecordOf(SharedData.CtGovFile("NCT04267848.json"), out _);

        var study = StudyNormaliser.Embedded.Guarded(record, StudyNormaliser.Embedded.Normalise);

        Assert.DoesNotContain(study.Sources, s => s.Field == NormalisedField.NormaliserError);
        Assert.Contains(study.AllInterventionTerms, t => t.Values().Any());
    }

    [Fact]
    public void A_study_the_normaliser_failed_on_is_stored_searchable_with_its_raw_json()
    {
        using var database = new TempDatabase();
        var record = RecordOf(SharedData.CtGovFile("NCT04267848.json"), out var utf8);
        var study = StudyNormaliser.Embedded.Unnormalised(record, new InvalidOperationException("no rule matched"));
        var incoming = new IncomingStudy(new ParsedStudy(record, utf8, ContentHash.Of(utf8), study), "NCT04267848.json");

        using (var connection = database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            Assert.Equal([WriteOutcome.New], new StudyWriter(TimeProvider.System).WriteBatch(connection, transaction, [incoming]));
            transaction.Commit();
        }

        using var read = database.Open();
        Assert.Equal("InvalidOperationException: no rule matched", read.ExecuteScalar<string>(
            "SELECT value FROM normalised_terms WHERE nct_id = 'NCT04267848' AND field = 'normaliser_error'"));
        Assert.Equal(record.Outcomes.Count, read.ExecuteScalar<long>("SELECT COUNT(*) FROM outcomes WHERE nct_id = 'NCT04267848' AND endpoint_class IS NULL"));
        Assert.Equal(0, read.ExecuteScalar<long>("SELECT COUNT(*) FROM intervention_values WHERE nct_id = 'NCT04267848'"));
        Assert.Equal(1, read.ExecuteScalar<long>("SELECT COUNT(*) FROM study_search WHERE study_search MATCH 'immunotherapy'"));
        Assert.Equal(1, read.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions WHERE nct_id = 'NCT04267848'"));
        var renormaliser = new Renormaliser(database.Connections, TimeProvider.System);
        Assert.Equal(1, renormaliser.Failed(StudyNormaliser.Embedded.VocabularyVersion));

        // Renormalised with a normaliser that succeeds, it has its values and is no longer counted.
        var summary = renormaliser.Run(StudyNormaliser.Embedded);
        Assert.Equal((1L, 0L), (summary.Studies, summary.Failed));
        Assert.Equal(0, renormaliser.Failed(StudyNormaliser.Embedded.VocabularyVersion));
        Assert.NotEqual(0, read.ExecuteScalar<long>("SELECT COUNT(*) FROM intervention_values WHERE nct_id = 'NCT04267848'"));
    }
}
