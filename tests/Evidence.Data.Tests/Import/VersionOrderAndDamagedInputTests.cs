using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Registry;

namespace TrialEvidence.Data.Tests.Import;

/// <summary>Versions arriving out of order, re-served records, damaged input: what is stored stays true.</summary>
public class VersionOrderAndDamagedInputTests
{
    private static string Version(string template, string updated, int count, string type, string versionHolder = "2026-08-01")
    {
        var record = JsonNode.Parse(template)!;
        record["protocolSection"]!["statusModule"]!["lastUpdatePostDateStruct"] = new JsonObject { ["date"] = updated };
        record["protocolSection"]!["designModule"]!["enrollmentInfo"] = new JsonObject { ["count"] = count, ["type"] = type };
        record["derivedSection"] = new JsonObject { ["miscInfoModule"] = new JsonObject { ["versionHolder"] = versionHolder } };
        return record.ToJsonString();
    }

    [Fact]
    public void Enrollment_snapshots_follow_the_registry_dates_whatever_order_versions_arrive_in()
    {
        using var database = new TempDatabase();
        var template = File.ReadAllText(SharedData.CtGovFile("reconstructed", "NCT04167293.json"));
        database.Import(database.WriteFile("v3.json", Version(template, "2020-03-01", 100, "ACTUAL")));
        database.Import(database.WriteFile("v1.json", Version(template, "2019-01-01", 50, "ESTIMATED")));

        database.Import(database.WriteFile("v4.json", Version(template, "2020-06-01", 50, "ESTIMATED")));

        using var connection = database.Open();
        Assert.Equal(
            [(50L, "ESTIMATED"), (100L, "ACTUAL"), (50L, "ESTIMATED")],
            connection.Query<(long, string)>("SELECT count, type FROM enrollment_snapshots WHERE nct_id = 'NCT04167293' ORDER BY last_update_posted_date"));
        Assert.Equal((50L, "ESTIMATED"), connection.QuerySingle<(long, string)>("SELECT enrollment_count, enrollment_type FROM studies WHERE nct_id = 'NCT04167293'"));
    }

    [Fact]
    public void The_same_record_served_on_another_day_is_not_a_new_version()
    {
        using var database = new TempDatabase();
        var template = File.ReadAllText(SharedData.CtGovFile("reconstructed", "NCT04167293.json"));
        database.Import(database.WriteFile("monday.json", Version(template, "2020-03-01", 100, "ACTUAL", versionHolder: "2026-08-03")));

        var summary = database.Import(database.WriteFile("tuesday.json", Version(template, "2020-03-01", 100, "ACTUAL", versionHolder: "2026-08-04")));

        Assert.Equal((1L, 0L), (summary.Counts.Unchanged, summary.Counts.Changed));
        using var connection = database.Open();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions"));
    }

    [Fact]
    public void Of_two_versions_with_the_same_dates_the_one_stored_first_stays_current()
    {
        using var database = new TempDatabase();
        database.Import(SharedData.CtGovFile("partial", "NCT06382129.fields-subset.json"));

        // The search page holds a smaller fields= subset of the same study, with no dates either.
        var summary = database.Import(SharedData.CtGovFile("search-biomcp-nsclc-egfr-l858r.json"));

        Assert.True(summary.Counts.ChangedOlder >= 1);
        using var connection = database.Open();
        var otherNames = connection.QuerySingle<string?>("SELECT other_names FROM interventions WHERE nct_id = 'NCT06382129' AND ordinal = 0");
        Assert.Contains("iza-bren", otherNames, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_utf8_rejects_its_study_and_the_rest_is_imported()
    {
        using var database = new TempDatabase();
        var good = File.ReadAllBytes(SharedData.CtGovFile("NCT03418623.json"));
        var bad = Encoding.UTF8.GetBytes("{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT00000002\",\"briefTitle\":\"caf\u00e9 ?\"}}}");
        bad[Array.IndexOf(bad, (byte)'?')] = 0xFF;
        File.WriteAllBytes(Path.Combine(database.Directory, "bad.json"), bad);
        File.WriteAllBytes(Path.Combine(database.Directory, "good.json"), good);

        var summary = database.Import(Path.Combine(database.Directory, "bad.json"), Path.Combine(database.Directory, "good.json"));

        Assert.Equal(1L, summary.Counts.New);
        Assert.Contains(summary.Rejections, r => r.Reason.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void A_corrupt_zip_is_rejected_and_the_rest_is_imported()
    {
        using var database = new TempDatabase();
        var zip = database.WriteFile("broken.zip", "PK this is not a zip archive at all");

        var summary = database.Import(zip, SharedData.CtGovFile("NCT03418623.json"));

        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal(zip, rejection.Source);
        Assert.Contains("not a readable zip", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(1L, summary.Counts.New);
    }

    [Fact]
    public void A_stream_that_hands_out_one_byte_at_a_time_is_read_the_same()
    {
        var bytes = File.ReadAllBytes(SharedData.CtGovFile("ctg-studies-trialmatchai.json"));

        var whole = new StudyJsonReader(new MemoryStream(bytes), "whole").ReadStudies().ToList();
        var trickled = new StudyJsonReader(new OneByteStream(bytes), "trickle").ReadStudies().ToList();

        Assert.Equal(whole.Select(s => s.Utf8.ToArray()), trickled.Select(s => s.Utf8.ToArray()));
    }

    private sealed class OneByteStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);
    }
}
