using TrialEvidence.Data.Normalisation;
using Dapper;
using Xunit.Abstractions;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// The review's Table 1 (../shared/table1-review.csv) against what the normaliser makes of the
/// registry records in ../shared/ctgov. Where the registry says otherwise, the difference is
/// named here with its reason; an unnamed difference, or a named one that no longer holds, fails.
/// </summary>
public sealed class Table1ReviewTests : IClassFixture<Table1ReviewTests.Imported>
{
    /// <summary>The review's cells, read as fields (each value is checked to appear in the review's own text).</summary>
    private static readonly Dictionary<string, Expected> Review = new()
    {
        ["NCT03482102"] = new("United States", ["tremelimumab", "durvalumab"], null, "EBRT", "ORR", ["locally advanced", "unresectable", "metastatic"]),
        ["NCT03203304"] = new("United States", ["nivolumab", "ipilimumab"], null, "SBRT", "safety", ["unresectable"]),
        ["NCT03316872"] = new("Canada", ["pembrolizumab"], null, "SBRT", "ORR", ["after prior systemic therapy"]),
        ["NCT04167293"] = new("China", ["sintilimab"], null, "SBRT", "PFS", ["vascular invasion"]),
        ["NCT03817736"] = new("Hong Kong", [], "ICI, unspecified", "SBRT", "conversion/resection", []),
        ["NCT04611165"] = new("South Korea", ["nivolumab"], null, "EBRT", "PFS", ["vascular invasion"]),
        ["NCT04547452"] = new("China", ["sintilimab"], null, "SBRT", "PFS", ["metastatic"]),
        ["NCT04193696"] = new("China", [], "PD-1", "RT, unspecified", "ORR", ["advanced"]),
    };

    /// <summary>Every cell where the registry record says something else, and why.</summary>
    private static readonly Dictionary<(string NctId, string Field), string> KnownDifferences = new()
    {
        [("NCT04611165", "record")] = "no registry record could be rebuilt for NCT04611165 (shared/ctgov/reconstructed/SOURCES.md)",
        [("NCT03482102", "country")] = "the record lists no site; the country came from a hand-made list of the review's institutions, now gone",
        [("NCT03817736", "country")] = "the record lists no site",
        [("NCT04547452", "country")] = "the record lists no site",
        [("NCT04193696", "country")] = "the record lists no site",
        [("NCT03482102", "modality")] = "the registry names the intervention 'Radiation Therapy' without its kind; the review reads EBRT",
        [("NCT03482102", "endpoint")] = "the record has no primary outcome (ORR could not be confirmed from a registry page)",
        [("NCT03203304", "endpoint")] = "the record has no primary outcome",
        [("NCT04167293", "country")] = "the lead sponsor is the individual 'Mian XI' and the record lists no site; the review names Sun Yat-sen University Cancer Center",
        [("NCT04167293", "endpoint")] = "the record has no primary outcome (6-month PFS could not be confirmed)",
        [("NCT03817736", "endpoint")] = "the record has no primary outcome",
        [("NCT04547452", "endpoint")] = "the record has no primary outcome",
        [("NCT04193696", "endpoint")] = "the record has no primary outcome",
        [("NCT03482102", "setting")] = "the record (rebuilt, without eligibility criteria) states no setting; the review's 'locally advanced/unresectable or metastatic' is not in it",
        [("NCT03316872", "setting")] = "the record (rebuilt, without summary or criteria) does not say the patients progressed after sorafenib",
        [("NCT03817736", "setting")] = "the record's title downstages HCC for hepatectomy, a planned operation (neoadjuvant); the review writes only 'HCC'",
        [("NCT04547452", "setting")] = "the record's description also enrols patients after failure of first-line sorafenib or lenvatinib; the review writes only 'Metastatic HCC'",
    };

    private readonly ITestOutputHelper _output;
    private readonly Imported _imported;

    public Table1ReviewTests(ITestOutputHelper output, Imported imported)
    {
        _output = output;
        _imported = imported;
    }

    [Fact]
    public void The_expected_cells_are_the_reviews_own_words()
    {
        var rows = File.ReadAllLines(Path.Combine(SharedData.Folder, "table1-review.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(cells => cells[0]);

        Assert.Equal(Review.Keys.Order(), rows.Keys.Order());
        foreach (var (nctId, expected) in Review)
        {
            var row = string.Join(",", rows[nctId]);
            Assert.StartsWith(expected.Country, rows[nctId][1], StringComparison.Ordinal);
            Assert.All(expected.Agents, agent => Assert.Contains(agent, row, StringComparison.OrdinalIgnoreCase));
            var modalityWord = expected.Modality == "RT, unspecified" ? "RT" : expected.Modality;
            Assert.Contains(modalityWord, row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_eight_trials_come_out_with_the_reviews_cells_or_a_named_difference()
    {
        var unexplained = new List<string>();
        var named = new HashSet<(string, string)>();
        using var connection = _imported.Database.Open();
        foreach (var (nctId, expected) in Review)
        {
            var actual = Actual(connection, nctId);
            if (actual is null)
            {
                Check(nctId, "record", "a record", "none");
                continue;
            }

            Check(nctId, "country", expected.Country, actual.Country);
            Check(nctId, "agents", string.Join(" + ", expected.Agents.Order()), string.Join(" + ", actual.Agents.Order()));
            Check(nctId, "target", expected.Target ?? "(from agents)", expected.Target is null ? "(from agents)" : actual.Target);
            Check(nctId, "modality", expected.Modality, actual.Modality);
            Check(nctId, "endpoint", expected.Endpoint, actual.Endpoint);
            Check(nctId, "setting", string.Join("; ", expected.Settings.Order()), string.Join("; ", actual.Settings.Order()));
        }

        var stale = KnownDifferences.Keys.Where(k => !named.Contains(k)).Select(k => $"{k.NctId} {k.Field}: named as a difference but now agrees").ToList();
        Assert.True(unexplained.Count == 0 && stale.Count == 0, string.Join("\n", unexplained.Concat(stale)));

        void Check(string nctId, string field, string expected, string? actual)
        {
            var agrees = string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase);
            if (KnownDifferences.TryGetValue((nctId, field), out var reason))
            {
                if (!agrees)
                {
                    named.Add((nctId, field));
                }

                _output.WriteLine($"{nctId} {field}: review '{expected}', registry '{actual ?? "none"}' - {reason}");
            }
            else if (!agrees)
            {
                unexplained.Add($"{nctId} {field}: review '{expected}', normalised '{actual ?? "none"}'");
            }
        }
    }

    private static Normalised? Actual(System.Data.IDbConnection connection, string nctId)
    {
        var summary = connection.QuerySingleOrDefault<(string? Country, string? Interventions)?>(
            "SELECT country, intervention_summary FROM study_summaries WHERE nct_id = @nctId", new { nctId });
        var settings = connection.Query<string>("SELECT setting FROM study_settings WHERE nct_id = @nctId", new { nctId }).ToList();
        if (summary is null)
        {
            return null;
        }

        var values = connection.Query<(int Ordinal, string Field, string Value)>(
            "SELECT ordinal, field, value FROM intervention_values WHERE nct_id = @nctId ORDER BY ordinal, field, position", new { nctId }).ToList();
        string? First(string field) => values.Where(v => v.Field == field).GroupBy(v => v.Ordinal).Select(g => string.Join(Terms.ListSeparator, g.Select(v => v.Value))).FirstOrDefault();
        var endpoint = connection.QueryFirstOrDefault<string?>(
            "SELECT endpoint_class FROM outcomes WHERE nct_id = @nctId AND kind = 'primary' ORDER BY ordinal", new { nctId });
        return new Normalised(
            summary.Value.Country,
            values.Where(v => v.Field == NormalisedField.Agent).Select(v => v.Value).Distinct().ToList(),
            First(NormalisedField.Target),
            First(NormalisedField.RtModality),
            endpoint,
            settings);
    }

    /// <param name="Settings">The settings the review's disease cell states ("Unresectable HCC": unresectable).</param>
    private sealed record Expected(string Country, string[] Agents, string? Target, string Modality, string Endpoint, string[] Settings);

    private sealed record Normalised(string? Country, List<string> Agents, string? Target, string? Modality, string? Endpoint, List<string> Settings);

    /// <summary>../shared/ctgov imported once for the class.</summary>
    public sealed class Imported : IDisposable
    {
        public Imported()
        {
            Database = new TempDatabase();
            Database.Import(SharedData.CtGov);
        }

        public TempDatabase Database { get; }

        public void Dispose() => Database.Dispose();
    }
}
