using System.Text.Json.Nodes;
using Dapper;

namespace TrialEvidence.Data.Tests.Import;

/// <summary>
/// After importing the real records, the stored values equal the registry JSON field by field.
/// The expected values are read here straight from the JSON with JsonNode, not through the parser.
/// </summary>
public sealed class StoredValuesMatchRegistryTests : IClassFixture<StoredValuesMatchRegistryTests.ImportedShared>
{
    private readonly ImportedShared _imported;

    public StoredValuesMatchRegistryTests(ImportedShared imported) => _imported = imported;

    public static TheoryData<string> FullRecords => new(
        "NCT00184067.json", "NCT00711542.json", "NCT00763412.json", "NCT00973089.json", "NCT02210780.json",
        "NCT02513394.json", "NCT02552212.json", "NCT03064438.json", "NCT03281889.json", "NCT03418623.json",
        "NCT03475563.json", "NCT03630471.json", "NCT03934567.json", "NCT04207047.json", "NCT04267848.json",
        "NCT04431453.json", "NCT05147467.json", "NCT05594173.json", "NCT06171568.json", "NCT06388018.json",
        "ctg-studies-dgg32/NCT05915026.json", "ctg-studies-trialmatchai/NCT02753764.json",
        "reconstructed/NCT04167293.json", "reconstructed/NCT03482102.json",
        "partial/NCT00465816.json");

    [Theory]
    [MemberData(nameof(FullRecords))]
    public void Study_row_equals_the_registry_record(string file)
    {
        var json = JsonNode.Parse(File.ReadAllText(SharedData.CtGovFile(file)))!;
        var protocol = json["protocolSection"]!;
        var nctId = (string)protocol["identificationModule"]!["nctId"]!;
        using var connection = _imported.Database.Open();
        var row = connection.QuerySingle("SELECT * FROM studies WHERE nct_id = @nctId", new { nctId });

        var status = protocol["statusModule"];
        var design = protocol["designModule"];
        Assert.Equal((long?)design?["enrollmentInfo"]?["count"], (long?)row.enrollment_count);
        Assert.Equal((string?)design?["enrollmentInfo"]?["type"], (string?)row.enrollment_type);
        var phases = design?["phases"]?.AsArray().Select(p => (string)p!).ToArray();
        Assert.Equal(phases is null or [] ? null : string.Join('/', phases), (string?)row.phase);
        Assert.Equal((string?)status?["overallStatus"], (string?)row.overall_status);
        Assert.Equal((string?)status?["lastKnownStatus"], (string?)row.last_known_status);
        Assert.Equal((string?)protocol["sponsorCollaboratorsModule"]?["leadSponsor"]?["name"], (string?)row.lead_sponsor);
        Assert.Equal((string?)protocol["sponsorCollaboratorsModule"]?["leadSponsor"]?["class"], (string?)row.lead_sponsor_class);
        Assert.Equal((string?)protocol["identificationModule"]?["briefTitle"], (string?)row.brief_title);
        Assert.Equal((bool?)json["hasResults"], row.has_results is null ? null : (long)row.has_results == 1);
        Assert.Equal((string?)json["derivedSection"]?["miscInfoModule"]?["versionHolder"], (string?)row.version_holder);
        foreach (var (jsonName, column) in new[]
                 {
                     ("startDateStruct", "start_date"), ("primaryCompletionDateStruct", "primary_completion_date"),
                     ("completionDateStruct", "completion_date"), ("studyFirstPostDateStruct", "first_posted_date"),
                     ("lastUpdatePostDateStruct", "last_update_posted_date"),
                 })
        {
            var expected = (string?)status?[jsonName]?["date"];
            var stored = (string?)((IDictionary<string, object?>)row)[column];
            Assert.Equal(expected, stored);
            Assert.Equal(expected?[..7], stored?[..7]); // month precision, as "2018-05" or "2018-05-14"
        }

        Assert.Equal(Count(protocol["contactsLocationsModule"]?["locations"]), Children(connection, "locations", nctId));
        Assert.Equal(Count(protocol["armsInterventionsModule"]?["interventions"]), Children(connection, "interventions", nctId));
        Assert.Equal(Count(protocol["armsInterventionsModule"]?["armGroups"]), Children(connection, "arm_groups", nctId));
        Assert.Equal(Count(protocol["conditionsModule"]?["conditions"]), Children(connection, "conditions", nctId));
        var outcomes = protocol["outcomesModule"];
        Assert.Equal(
            Count(outcomes?["primaryOutcomes"]) + Count(outcomes?["secondaryOutcomes"]) + Count(outcomes?["otherOutcomes"]),
            Children(connection, "outcomes", nctId));
        Assert.Equal(Count(outcomes?["primaryOutcomes"]), connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM outcomes WHERE nct_id = @nctId AND kind = 'primary'", new { nctId }));
    }

    [Fact]
    public void Intervention_rows_keep_type_name_description_and_other_names()
    {
        var file = SharedData.CtGovFile("NCT04267848.json");
        var expected = JsonNode.Parse(File.ReadAllText(file))!["protocolSection"]!["armsInterventionsModule"]!["interventions"]!.AsArray();
        using var connection = _imported.Database.Open();

        var stored = connection.Query<(string? Type, string? Name, string? Description, string? OtherNames)>(
            "SELECT type, name, description, other_names FROM interventions WHERE nct_id = 'NCT04267848' ORDER BY ordinal").ToList();

        Assert.Equal(expected.Count, stored.Count);
        foreach (var (json, row) in expected.Zip(stored))
        {
            Assert.Equal((string?)json!["type"], row.Type);
            Assert.Equal((string?)json["name"], row.Name);
            Assert.Equal((string?)json["description"], row.Description);
            var otherNames = json["otherNames"]?.AsArray().Select(n => (string)n!).ToList();
            Assert.Equal(otherNames, row.OtherNames is null ? null : JsonNode.Parse(row.OtherNames)!.AsArray().Select(n => (string)n!).ToList());
        }
    }

    [Fact]
    public void Mesh_terms_come_from_the_derived_section()
    {
        var json = JsonNode.Parse(File.ReadAllText(SharedData.CtGovFile("NCT03934567.json")))!;
        var meshes = json["derivedSection"]!["conditionBrowseModule"]!["meshes"]!.AsArray().Select(m => (string)m!["term"]!);
        using var connection = _imported.Database.Open();

        var stored = connection.Query<string>(
            "SELECT term FROM mesh_terms WHERE nct_id = 'NCT03934567' AND browse_module = 'condition' AND relation = 'mesh'");

        Assert.Equal(meshes.Order(), stored.Order());
    }

    [Fact]
    public void Raw_json_is_stored_exactly_as_received()
    {
        var file = SharedData.CtGovFile("NCT04267848.json");
        using var connection = _imported.Database.Open();

        var raw = connection.QuerySingle<string>("SELECT raw_json FROM study_versions_json WHERE nct_id = 'NCT04267848'");

        Assert.Equal(File.ReadAllText(file).Trim(), raw);
    }

    private static int Count(JsonNode? array) => array?.AsArray().Count ?? 0;

    private static int Children(System.Data.IDbConnection connection, string table, string nctId) =>
        connection.ExecuteScalar<int>($"SELECT COUNT(*) FROM {table} WHERE nct_id = @nctId", new { nctId });

    /// <summary>The whole of ../shared/ctgov imported once into one database for the class.</summary>
    public sealed class ImportedShared : IDisposable
    {
        public ImportedShared()
        {
            Database = new TempDatabase();
            Summary = Database.Import(SharedData.CtGov);
        }

        public TempDatabase Database { get; }

        public TrialEvidence.Data.Import.ImportSummary Summary { get; }

        public void Dispose() => Database.Dispose();
    }
}
