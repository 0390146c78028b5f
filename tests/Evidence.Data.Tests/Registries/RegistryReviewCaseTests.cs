using System.Text;
using Dapper;
using TrialEvidence.Data.Tests.Facets;

namespace TrialEvidence.Data.Tests.Registries;

/// <summary>
/// Cases an independent review of issue 14 wrote to break other registries' records and linked
/// registrations; each failed on the first version of the change (54f1e3d) and is mended.
/// </summary>
public sealed class RegistryReviewCaseTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private string Export(string file, params string[] trials)
    {
        var path = Path.Combine(_database.Directory, file);
        File.WriteAllText(path, "<?xml version='1.0' encoding='UTF-8' ?><Trials_downloaded_from_ICTRP>\n" + string.Join("\n", trials) + "\n</Trials_downloaded_from_ICTRP>\n", Encoding.UTF8);
        return path;
    }

    private static string Trial(string id, string register, string secondaryIds = "", string refreshed = "1 December 2026", string targetSize = "60", string status = "Recruiting") => $"""
          <Trial>
            <TrialID>{id}</TrialID>
            <Last_Refreshed_on>{refreshed}</Last_Refreshed_on>
            <Public_title>Trial {id}</Public_title>
            <Source_Register>{register}</Source_Register>
            <Recruitment_Status>{status}</Recruitment_Status>
            <Target_size>{targetSize}</Target_size>
            <Secondary_ID>{secondaryIds}</Secondary_ID>
          </Trial>
        """;

    /// <summary>
    /// WHO ICTRP names several registries by their full title in Source_Register ("EU Clinical
    /// Trials Register", "German Clinical Trials Register", "Netherlands Trial Register"), as its
    /// COVID-19 data set and every tool reading ICTRP exports show. The registry is the id's (taken
    /// verbatim, the title was refused as not the registry the id's shape names).
    /// </summary>
    [Theory]
    [InlineData("EUCTR2020-001052-18-FR", "EU Clinical Trials Register", "EUCTR")]
    [InlineData("DRKS00021152", "German Clinical Trials Register", "DRKS")]
    public void An_ictrp_record_whose_source_register_is_the_registrys_full_title_is_stored_under_its_registry(string id, string register, string registry)
    {
        var summary = _database.Import(Export("ictrp.xml", Trial(id, register)));

        Assert.Empty(summary.Rejections);
        Assert.Equal(0, summary.Counts.Rejected);
        using var connection = _database.Open();
        Assert.Equal(registry, connection.ExecuteScalar<string>("SELECT registry FROM studies WHERE nct_id = @id", new { id }));
    }

    /// <summary>
    /// Two different ClinicalTrials.gov trials, each named by one ChiCTR record among its secondary
    /// ids (a Chinese sub-study of two international trials): neither NCT record names the other
    /// nor shares a key with it. Neither is listed under the other (the transitive closure once
    /// hid one of them, which left the list, the total and its topic).
    /// </summary>
    [Fact]
    public void Two_clinicaltrials_gov_trials_named_by_one_chictr_record_are_not_merged()
    {
        _database.Import(SharedData.CtGovFile("NCT03418623.json"), SharedData.CtGovFile("NCT02513394.json"));
        _database.Import(Export("chictr.xml", Trial("ChiCTR2000099999", "ChiCTR", "NCT03418623;NCT02513394")));

        using var connection = _database.Open();
        var hidden = connection.Query<string>("SELECT nct_id FROM studies WHERE registry = 'ClinicalTrials.gov' AND shown_as IS NOT NULL").ToList();
        Assert.Empty(hidden);
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'registry' AND value = 'ClinicalTrials.gov'"));
    }

    /// <summary>
    /// ICTRP's per-group sample sizes summed past any trial's size (an absurd or hostile value) are
    /// no sum (the checked sum once threw from inside the reader and stopped the whole import).
    /// </summary>
    [Fact]
    public void An_overflowing_group_sample_size_is_stored_with_no_enrollment_not_a_crash()
    {
        var bad = Export("overflow.xml", Trial("ChiCTR2000099998", "ChiCTR", targetSize: "Experimental group:9223372036854775807;Control group:1;"));

        var summary = _database.Import(bad);

        // The record is otherwise sound: it is stored, its groups kept, their sum unknown.
        Assert.Empty(summary.Rejections);
        using var connection = _database.Open();
        Assert.Null(connection.ExecuteScalar<long?>("SELECT enrollment_count FROM studies WHERE nct_id = 'ChiCTR2000099998'"));
        Assert.Equal(2, connection.ExecuteScalar<long>(
            "SELECT json_array_length(json_extract(raw_json, '$.registrySection.enrollmentGroups')) FROM study_versions_json WHERE nct_id = 'ChiCTR2000099998'"));
    }

    /// <summary>
    /// The import bounds a record's size (MaxRecordBytes, "record too large") for another
    /// registry's records as for JSON (an ICTRP Trial was once stored whatever its size).
    /// </summary>
    [Fact]
    public void A_huge_ictrp_trial_is_refused_as_too_large_as_a_json_record_is()
    {
        var huge = new string('x', 200_000);
        var path = Export("huge.xml", Trial("ChiCTR2000099997", "ChiCTR").Replace("<Public_title>", "<Public_title>" + huge, StringComparison.Ordinal));

        var summary = _database.CreateImporter(maxRecordBytes: 64 * 1024).Import(TrialEvidence.Data.Import.RecordSource.Expand([path]));

        var rejection = Assert.Single(summary.Rejections);
        Assert.Contains("too large", rejection.Reason, StringComparison.Ordinal);
    }
}

/// <summary>Sequences over linked registrations, the maintained counts checked after each step (they held up in that review).</summary>
public sealed class LinkedRegistrationSequenceTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private string Euctr(string file, string id, string refreshed, string secondary = "") =>
        _database.WriteFile(file, $"""
            <?xml version='1.0' encoding='UTF-8' ?><Trials_downloaded_from_ICTRP>
              <Trial>
                <TrialID>{id}</TrialID>
                <Last_Refreshed_on>{refreshed}</Last_Refreshed_on>
                <Public_title>Member state record {id}</Public_title>
                <Source_Register>EUCTR</Source_Register>
                <Recruitment_Status>Recruiting</Recruitment_Status>
                <Target_size>40</Target_size>
                <Secondary_ID>{secondary}</Secondary_ID>
              </Trial>
            </Trials_downloaded_from_ICTRP>
            """);

    private List<string> Listed()
    {
        using var connection = _database.Open();
        return [.. connection.Query<string>("SELECT nct_id FROM studies WHERE shown_as IS NULL ORDER BY nct_id")];
    }

    [Fact]
    public void Member_states_of_one_eudract_number_then_the_nct_record_keep_counts_and_one_listing()
    {
        using var connection = _database.Open();
        Assert.Empty(_database.Import(Euctr("de1.xml", "EUCTR2015-001894-41-DE", "1 December 2026")).Rejections);
        Assert.Empty(_database.Import(Euctr("fr1.xml", "EUCTR2015-001894-41-FR", "2 December 2026")).Rejections);
        Assert.Equal(["EUCTR2015-001894-41-FR"], Listed());
        FacetConsistency.AssertHolds(connection);

        TopicMembership.Join(connection, "t", "EUCTR2015-001894-41-DE"); // hidden, joins a topic
        FacetConsistency.AssertHolds(connection);

        Assert.Empty(_database.Import(Euctr("de2.xml", "EUCTR2015-001894-41-DE", "3 December 2026")).Rejections); // primary changes
        Assert.Equal(["EUCTR2015-001894-41-DE"], Listed());
        FacetConsistency.AssertHolds(connection);
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_facets WHERE facet = 'topic' AND nct_id = 'EUCTR2015-001894-41-DE'"));

        Assert.Empty(_database.Import(Euctr("pt.xml", "EUCTR2015-001894-41-PT", "4 December 2026")).Rejections); // three-way
        Assert.Equal(["EUCTR2015-001894-41-PT"], Listed());
        FacetConsistency.AssertHolds(connection);

        Assert.Empty(_database.Import(SharedData.CtGovFile("NCT02552212.json")).Rejections); // names 2015-001894-41
        Assert.Equal(["NCT02552212"], Listed());
        FacetConsistency.AssertHolds(connection);
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'total'"));

        new TrialEvidence.Data.Normalisation.Renormaliser(_database.Connections, TimeProvider.System).Run(TrialEvidence.Data.Normalisation.StudyNormaliser.Embedded);
        FacetConsistency.AssertHolds(connection);
    }
}

/// <summary>Change rows of a portal's copies once the registry's own record arrives: live writer against ChangeBackfill.</summary>
public sealed class PortalCopyChangeTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private string PortalCopy(string file, string refreshed, string size, string status) =>
        _database.WriteFile(file, $"""
            <?xml version='1.0' encoding='UTF-8' ?><Trials_downloaded_from_ICTRP>
              <Trial>
                <TrialID>NCT03418623</TrialID>
                <Last_Refreshed_on>{refreshed}</Last_Refreshed_on>
                <Public_title>A thinner copy</Public_title>
                <Source_Register>ClinicalTrials.gov</Source_Register>
                <Recruitment_Status>{status}</Recruitment_Status>
                <Target_size>{size}</Target_size>
              </Trial>
            </Trials_downloaded_from_ICTRP>
            """);

    /// <summary>
    /// Two ICTRP copies of an NCT trial stored before the registry's own record: the writer records
    /// the change between the copies, and when the registry's record arrives, changes follow its
    /// versions alone, as ChangeBackfill makes them (the copy-to-copy rows once stayed until the
    /// offline backfill ran).
    /// </summary>
    [Fact]
    public void Change_rows_after_the_registry_record_arrives_are_those_the_backfill_keeps()
    {
        Assert.Empty(_database.Import(PortalCopy("a.xml", "1 December 2026", "10", "Recruiting")).Rejections);
        Assert.Empty(_database.Import(PortalCopy("b.xml", "2 December 2026", "20", "Completed")).Rejections);
        Assert.Empty(_database.Import(SharedData.CtGovFile("NCT03418623.json")).Rejections);
        using var connection = _database.Open();
        var live = connection.Query<(long, long, string)>("SELECT from_version_id, to_version_id, field FROM study_changes ORDER BY 1, 2, 3").ToList();

        var summary = new TrialEvidence.Data.Changes.ChangeBackfill(_database.Connections).Run();

        Assert.Equal(0, summary.Removed);
        Assert.Equal(live, connection.Query<(long, long, string)>("SELECT from_version_id, to_version_id, field FROM study_changes ORDER BY 1, 2, 3").ToList());
    }
}

/// <summary>Phases of ICTRP's copies of ClinicalTrials.gov records.</summary>
public sealed class IctrpPhaseTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>
    /// ICTRP writes ClinicalTrials.gov's EARLY_PHASE1 as "Early Phase 1" (NCT04293887 in the shared
    /// export): it is EARLY_PHASE1, not PHASE1 (matching the bare number once made it phase 1).
    /// </summary>
    [Fact]
    public void Early_phase_1_is_not_stored_as_phase_1()
    {
        _database.Import(SharedData.IctrpExport);
        using var connection = _database.Open();

        Assert.Equal("EARLY_PHASE1", connection.ExecuteScalar<string>("SELECT phase FROM studies WHERE nct_id = 'NCT04293887'"));
    }
}

/// <summary>Migration 0024's backfill of study_keys against the keys the import writes.</summary>
public sealed class RegistrationKeyMigrationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>
    /// The migration writes stored ClinicalTrials.gov records' keys with the import's own rules
    /// (registry_keys), for every id shape the import links: labelled EudraCT numbers, ChiCTR's
    /// older ids, ISRCTN, DRKS, ACTRN... (three GLOBs once wrote fewer, so a database upgraded in
    /// place listed such a trial twice).
    /// </summary>
    [Fact]
    public void The_migrations_keys_match_the_imports_for_every_id_shape_the_import_links()
    {
        var record = LaterVersion.OfShared("NCT03418623", "2024-01-01", r =>
            r["protocolSection"]!["identificationModule"]!["secondaryIdInfos"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["id"] = "DRKS00021152" },
                new System.Text.Json.Nodes.JsonObject { ["id"] = "ISRCTN12345678" },
                new System.Text.Json.Nodes.JsonObject { ["id"] = "EudraCT 2014-005181-30" },
                new System.Text.Json.Nodes.JsonObject { ["id"] = "ChiCTR-TRC-12002345" }));
        Assert.Empty(_database.Import(_database.WriteFile("NCT03418623.json", record)).Rejections);
        using var connection = _database.Open();
        var imported = connection.Query<(string, string, long)>("SELECT key, nct_id, own FROM study_keys ORDER BY 1, 2").ToList();
        var migration = TrialEvidence.Data.Database.Migration.Embedded.Single(m => m.Version == 24).Sql;
        var backfill = migration[migration.IndexOf("INSERT OR IGNORE INTO study_keys (key, nct_id, own)\nSELECT k.value", StringComparison.Ordinal)..];

        connection.Execute("DELETE FROM study_keys");
        connection.Execute(backfill);

        Assert.Equal(5, imported.Count);
        Assert.Equal(imported, connection.Query<(string, string, long)>("SELECT key, nct_id, own FROM study_keys ORDER BY 1, 2"));
    }
}

/// <summary>Folder imports told by content.</summary>
public sealed class FolderFormatTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>
    /// A folder's files are chosen by their first bytes, but one named .json that is not JSON (a
    /// saved error page) is still rejected by name and position, as before issue 14, not passed
    /// over: a failed download does not go unnoticed.
    /// </summary>
    [Theory]
    [InlineData("<html><body>429 Too Many Requests</body></html>")]
    [InlineData("\uFEFF<!DOCTYPE html><html>Service unavailable</html>")]
    public void A_json_file_in_a_folder_that_is_not_json_is_rejected_not_passed_over(string content)
    {
        var folder = Path.Combine(_database.Directory, "saved");
        Directory.CreateDirectory(folder);
        File.Copy(SharedData.CtGovFile("NCT03418623.json"), Path.Combine(folder, "NCT03418623.json"));
        File.WriteAllText(Path.Combine(folder, "NCT02513394.json"), content);

        var summary = _database.Import(folder);

        Assert.Single(summary.Rejections);
    }
}
