using Dapper;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Data.Registry;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Ingest;

/// <summary>The one path by which import, harvest and fetch store studies.</summary>
public sealed class StudyIngestTests
{
    private static IngestBatch BatchOf(params string[] files)
    {
        var batch = new IngestBatch();
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            foreach (var json in new StudyJsonReader(stream, file).ReadStudies())
            {
                batch.Add(json, file);
            }
        }

        return batch;
    }

    private static StudyIngest IngestInto(TempDatabase database) => new(database.Connections, new StudyWriter(TimeProvider.System));

    [Fact]
    public void Storing_counts_each_outcome_and_the_studies_refused()
    {
        using var database = new TempDatabase();
        var malformedStudy = database.WriteFile("no-id.json", """{"protocolSection": {"identificationModule": {"briefTitle": "no id"}}}""");
        var ingest = IngestInto(database);

        var first = ingest.Store(BatchOf(SharedData.CtGovFile("ctg-studies-dgg32.json"), malformedStudy));
        var second = ingest.Store(BatchOf(SharedData.CtGovFile("ctg-studies-dgg32.json")));

        Assert.Equal(new IngestCounts(New: 10, Changed: 0, ChangedOlder: 0, Unchanged: 0, Rejected: 1), first);
        Assert.Equal(new IngestCounts(New: 0, Changed: 0, ChangedOlder: 0, Unchanged: 10, Rejected: 0), second);
    }

    [Fact]
    public void A_refused_study_is_named_by_its_source_and_position_with_the_reason()
    {
        using var database = new TempDatabase();
        var file = database.WriteFile("two.json", """[{"protocolSection": {"identificationModule": {"nctId": "NCT01234567"}}}, {"protocolSection": {"identificationModule": {"nctId": 42}}}]""");

        var batch = BatchOf(file);

        Assert.Equal((2L, 1, 1L), (batch.Read, batch.Studies.Count, batch.RejectedStudies));
        var rejection = Assert.Single(batch.Rejections);
        Assert.Equal($"{file}#1", rejection.Source);
        Assert.Contains("nctId", rejection.Reason, StringComparison.Ordinal);
        Assert.False(rejection.WholeSource);
    }

    [Fact]
    public void What_is_written_alongside_commits_with_the_studies_or_not_at_all()
    {
        using var database = new TempDatabase();
        var ingest = IngestInto(database);
        var batch = BatchOf(SharedData.CtGovFile("NCT03418623.json"));

        Assert.Throws<InvalidOperationException>(() => ingest.Store(batch, (_, _, _) => throw new InvalidOperationException("the checkpoint could not be written")));
        using (var connection = database.Open())
        {
            Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions"));
        }

        StoredBatch? seen = null;
        var counts = ingest.Store(batch, (connection, transaction, stored) =>
        {
            seen = stored;
            connection.Execute("INSERT INTO http_etags (url, etag, seen_at) VALUES ('studies/NCT03418623', '\"x\"', 'now')", transaction: transaction);
        });

        Assert.Equal(1, counts.New);
        Assert.Equal([WriteOutcome.New], seen!.Outcomes);
        using var after = database.Open();
        Assert.Equal((1L, 1L), (after.ExecuteScalar<long>("SELECT COUNT(*) FROM studies"), after.ExecuteScalar<long>("SELECT COUNT(*) FROM http_etags")));
    }

    [Fact]
    public void A_bulk_session_stores_batch_after_batch_on_one_connection()
    {
        using var database = new TempDatabase();
        var ingest = IngestInto(database);

        IngestCounts total;
        using (var session = ingest.OpenBulkSession())
        {
            total = session.Store(BatchOf(SharedData.CtGovFile("ctg-studies-dgg32.json")))
                + session.Store(BatchOf(SharedData.CtGovFile("NCT03418623.json")))
                + session.Store(new IngestBatch());
        }

        Assert.Equal(11, total.New);
        using var connection = database.Open();
        Assert.Equal(1000, connection.ExecuteScalar<long>("PRAGMA wal_autocheckpoint"));
        Assert.Equal(11, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies"));
    }
}
