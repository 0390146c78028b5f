using System.Data.Common;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Facets;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Trials;

/// <summary>
/// Every read of the Trials feature, and the only place its SQL lives: a filtered page with
/// facets, one trial with its normalised values and provenance, its versions and their raw JSON.
/// The WHERE clause the filters make is in TrialReads.Filters.cs; Table 1 selects with it too.
/// </summary>
public sealed partial class TrialReads(EvidenceDatabase connections, IOptions<ApiOptions> options, FacetSnapshots snapshots)
{
    /// <summary>The facets of a page, by the API's name of each (the facet names of study_facets).</summary>
    public static readonly IReadOnlyList<string> FacetNames = ["status", "phase", "country", "agent", "target", "modality", "endpoint", "topic", "setting", "registry"];

    /// <summary>Sort keys from an allow-list: the client names one, the SQL column comes from here.</summary>
    private static readonly Dictionary<string, string> SortColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nctId"] = "s.nct_id",
        ["title"] = "s.brief_title",
        ["status"] = "s.overall_status",
        ["phase"] = "s.phase",
        ["enrollment"] = "s.enrollment_count",
        ["start"] = "s.start_date",
        ["updated"] = "s.last_update_posted_date",
        ["sponsor"] = "s.lead_sponsor",
    };

    /// <summary>The sort keys a client may name; a leading '-' sorts descending.</summary>
    public static IReadOnlyList<string> SortKeys { get; } = [.. SortColumns.Keys.SelectMany(k => new[] { k, "-" + k })];

    private const string SummaryColumns = """
        s.nct_id AS NctId, s.brief_title AS BriefTitle, s.overall_status AS OverallStatus, s.phase AS Phase,
        s.enrollment_count AS EnrollmentCount, s.enrollment_type AS EnrollmentType, s.start_date AS StartDate,
        s.last_update_posted_date AS LastUpdatePostedDate, s.lead_sponsor AS LeadSponsor, x.institution AS Institution,
        x.country AS Country, x.intervention_summary AS InterventionSummary, s.version_holder AS VersionHolder,
        s.registry AS Registry, s.registry_status AS RegistryStatus,
        (SELECT json_group_array(o.nct_id) FROM studies o WHERE o.shown_as = s.nct_id) AS OtherRegistrationsJson
        """;

    /// <summary>
    /// Facets: for each field, its values among the selected studies, each value counted the way
    /// its filter matches it, so every facet value works as a filter value (study_facets, written
    /// with each study; see StudyFacets). With no filter they are the maintained counts of
    /// facet_counts; with one filter value, those of facet_pairs; otherwise the facet numbers of
    /// the selected studies are counted (CountSelected). @facets lists the facets wanted, with the structured-only variants of the
    /// intervention facets for freeText=exclude.
    /// </summary>
    private const string AllFacetsSql = "SELECT facet AS Facet, value AS Value, count AS Count FROM facet_counts WHERE count > 0 AND facet IN (SELECT value FROM json_each(@facets))";

    /// <summary>With one filter value (facet @pairFacet, value @pairValue), the maintained counts of the facet values of the studies it selects.</summary>
    private const string PairFacetsSql = """
        SELECT other_facet AS Facet, other_value AS Value, count AS Count FROM facet_pairs
        WHERE facet = @pairFacet AND value = @pairValue AND count > 0 AND other_facet IN (SELECT value FROM json_each(@facets))
        """;

    /// <summary>The numbered facet values of the facets wanted (migration 0015), to name the numbers counted.</summary>
    private const string FacetIdsSql = "SELECT id, facet, value FROM facet_ids WHERE facet IN (SELECT value FROM json_each(@facets))";

    /// <summary>A page of the filtered trials, the total, and the facet counts over all of them.</summary>
    public TrialPage Page(TrialFilters filters, TrialPaging paging)
    {
        ArgumentNullException.ThrowIfNull(paging);
        using var connection = connections.Open();
        // A selection counted from the facet numbers in memory is answered only if the database
        // did not change while it was read; else it is read again, counted in SQL.
        return Page(connection, filters, paging, inMemory: true) ?? Page(connection, filters, paging, inMemory: false)!;
    }

    private TrialPage? Page(DbConnection connection, TrialFilters filters, TrialPaging paging, bool inMemory)
    {
        var selection = Select(connection, filters, options.Value.MergeFacetFiltersFrom);
        var parameters = selection.Parameters;
        // With freeText=exclude the facets count what the filters count: the structured interventions' values.
        var structuredOnly = FilterRules.CountsStructuredOnly(filters);
        var wanted = FacetNames.Select(name => structuredOnly && StudyFacets.InterventionFacets.Values.Contains(name) ? name + StudyFacets.StructuredSuffix : name)
            .Append(StudyFacets.Total).ToList();
        parameters.Add("facets", JsonSerializer.Serialize(wanted));
        // The filter is evaluated once for all facets and the total, once for the page.
        var single = SingleFacetValue(filters);
        parameters.Add("pairFacet", single?.Facet);
        parameters.Add("pairValue", single?.Value);
        var offset = (long)(paging.Page - 1) * paging.PageSize;
        parameters.Add("limit", paging.PageSize);
        parameters.Add("offset", offset);
        var byNctId = OrderBy(paging.Sort).StartsWith("s.nct_id ", StringComparison.Ordinal);
        var idDirection = paging.Sort.StartsWith('-') ? "DESC" : "ASC";
        // A selection that is neither everything nor one facet value is counted, and where it can
        // be paged, from the facet numbers of this state of the database in memory.
        var memory = inMemory && !selection.All && single is null
            ? InMemory(connection, filters, selection, paging, offset, byNctId, descending: idDirection == "DESC")
            : null;
        if (memory?.Page is { } pageRowids)
        {
            parameters.Add("pageRowids", JsonSerializer.Serialize(pageRowids));
        }

        // Otherwise words alone in NCT order: the matches' codes and the page's ids in one pass over
        // the full-text index's rows, each study's row of codes read once, not once per purpose.
        var searched = memory is null && selection.SearchOnly is { } words && byNctId && !selection.All && single is null
            ? connection.QuerySingle<(string? Codes, string PageIds)>(connection.Sql(
                $"""
                WITH hits AS MATERIALIZED (SELECT c.nct_id, c.codes FROM {MatchedCodes(words)})
                SELECT (SELECT group_concat(codes) FROM hits),
                       (SELECT json_group_array(nct_id ORDER BY nct_id {idDirection}) FROM (SELECT nct_id FROM hits ORDER BY nct_id {idDirection} LIMIT @limit OFFSET @offset))
                """), parameters)
            : ((string? Codes, string PageIds)?)null;
        var counts = (selection.All || single is not null
                ? connection.Query<FacetRow>(connection.Sql(selection.All ? AllFacetsSql : PairFacetsSql), parameters)
                : memory is { } fromMemory
                ? Named(connection, selection, fromMemory.Counts)
                : CountSelected(connection, selection, searched is { } read ? read.Codes ?? string.Empty : null))
            .Select(row => row with { Facet = row.Facet.EndsWith(StudyFacets.StructuredSuffix, StringComparison.Ordinal) ? row.Facet[..^StudyFacets.StructuredSuffix.Length] : row.Facet })
            .ToList();
        // The page's ids first, from the narrowest rows (an index alone where one covers the filter
        // and the order), then its 20 rows in full: a broad selection is not sorted with its wide rows.
        // One filter value in NCT order: its ids in order straight from the study_facets index.
        // Facet filters merged as lists, in NCT order: the merge's first ids as they stream.
        // Words alone in NCT order: the ids read with the codes above, without a seek into studies.
        if (searched is { } found)
        {
            parameters.Add("pageIds", found.PageIds);
        }

        var pageIds = memory?.Page is not null
            ? "SELECT s.nct_id FROM studies s WHERE s.rowid IN (SELECT CAST(value AS INTEGER) FROM json_each(@pageRowids))"
            : searched is not null
            ? "SELECT value AS nct_id FROM json_each(@pageIds)"
            : single is not null && byNctId
            ? $"SELECT f.nct_id FROM study_facets f WHERE f.facet = @pairFacet AND f.value = @pairValue ORDER BY {OrderBy(paging.Sort).Replace("s.nct_id", "f.nct_id", StringComparison.Ordinal)} LIMIT @limit OFFSET @offset"
            : selection.MergedOnly is { } merged && byNctId
            ? $"{merged} ORDER BY 1 {idDirection} LIMIT @limit OFFSET @offset"
            : $"SELECT s.nct_id FROM studies s WHERE {selection.Where} ORDER BY {OrderBy(paging.Sort)} LIMIT @limit OFFSET @offset";
        var trials = connection.Query<TrialSummary>(connection.Sql(
            $"""
            WITH page AS MATERIALIZED ({pageIds})
            SELECT {SummaryColumns} FROM page JOIN studies s USING (nct_id) LEFT JOIN study_summaries x USING (nct_id) ORDER BY {OrderBy(paging.Sort)}
            """),
            parameters).ToList();
        if (memory is { } answered)
        {
            if (!snapshots.StillCurrent(answered.Version))
            {
                return null;
            }

            snapshots.Answered();
        }

        var facets = FacetNames.ToDictionary(
            name => name,
            name => (IReadOnlyList<FacetCount>)counts.Where(c => c.Facet == name)
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
                .Select(c => new FacetCount { Value = c.Value, Count = c.Count }).ToList());
        return new TrialPage(counts.SingleOrDefault(c => c.Facet == StudyFacets.Total)?.Count ?? 0, paging.Page, paging.PageSize, paging.Sort, trials, facets);
    }

    /// <summary>
    /// What the facet numbers in memory answer of a selection that is neither everything nor one
    /// facet value, when they are of the database as it is (else none): its counts, and its page
    /// where it can be cut there. Facet filters alone are selected there too, without reading the
    /// database, and in NCT order selected, counted and paged in one pass; words give their
    /// rowids from the full-text index, other filters from the SQL. A page in another column's
    /// order is cut once every study's place in that order is held for this version.
    /// </summary>
    private (int[] Counts, long[]? Page, long Version)? InMemory(
        DbConnection connection, TrialFilters filters, TrialSelection selection, TrialPaging paging, long offset, bool byNctId, bool descending)
    {
        if (!snapshots.TryCurrent(out var snapshot, out var version))
        {
            return null;
        }

        var groups = FacetGroups(connection, filters);
        if (groups is not null && byNctId)
        {
            var (counts, page) = snapshot.SelectInOrder(groups, offset, paging.PageSize, descending);
            return (counts, page, version);
        }

        var rowids = groups is not null
            ? snapshot.Select(groups)
            : CommaNumbers.Parse(connection.ExecuteScalar<string?>(connection.Sql(
                selection.SearchOnly is { } match ? $"SELECT group_concat(rowid) FROM ({Matches(match)})" : $"SELECT group_concat(s.rowid) FROM studies s WHERE {selection.Where}"),
                selection.Parameters));
        var sortKeys = (int[]?)null;
        var paged = (selection.SearchOnly is not null || groups is not null) && (byNctId || snapshots.TrySortKeys(SortColumn(paging.Sort), version, out sortKeys));
        return (snapshot.Count(rowids), paged ? snapshot.Page(rowids, offset, paging.PageSize, descending, sortKeys) : null, version);
    }

    /// <summary>
    /// The facet counts of a selection that neither is everything nor one facet value: each
    /// selected study's facet numbers (study_facet_codes, one short row per study, found by rowid)
    /// added up here and named from facet_ids. The facets wanted are in the parameter @facets.
    /// </summary>
    /// <param name="read">The codes when already read (with a search's page), else read here.</param>
    private static List<FacetRow> CountSelected(DbConnection connection, TrialSelection selection, string? read = null)
    {
        var counts = FacetCodeSnapshot.NewCounts();
        // One string of all the codes, comma-joined: a single value crosses from SQLite, not a row per study.
        foreach (var id in CommaNumbers.Parse(read ?? connection.ExecuteScalar<string?>(connection.Sql(CodesOf(selection)), selection.Parameters)))
        {
            FacetCodeSnapshot.Tally(ref counts, checked((int)id));
        }

        return Named(connection, selection, counts);
    }

    /// <summary>The counts of the facet numbers <paramref name="counts"/> (indexed by number) of the facets wanted (@facets), named from facet_ids.</summary>
    private static List<FacetRow> Named(DbConnection connection, TrialSelection selection, int[] counts) =>
        [.. connection.Query<(long Id, string Facet, string Value)>(connection.Sql(FacetIdsSql), selection.Parameters)
            .Where(row => row.Id < counts.Length && counts[row.Id] > 0)
            .Select(row => new FacetRow { Facet = row.Facet, Value = row.Value, Count = counts[row.Id] })];

    /// <summary>The rowids of the full-text index's rows that match the query in <paramref name="parameter"/>: the studies' rowids.</summary>
    public static string Matches(string parameter) => $"SELECT rowid FROM study_search WHERE study_search MATCH {parameter}";

    /// <summary>The rows <c>c</c> of study_facet_codes (NCT id and facet numbers) of the studies the full-text query in <paramref name="parameter"/> matches.</summary>
    public static string MatchedCodes(string parameter) => $"study_facet_codes c WHERE c.study_rowid IN ({Matches(parameter)})";

    /// <summary>
    /// The codes of the selected studies: of the full-text index's rows for words alone, else
    /// joined to the studies the filters select (a seek per study, no list of them built first).
    /// </summary>
    private static string CodesOf(TrialSelection selection) => selection.SearchOnly is { } match
        ? $"SELECT group_concat(c.codes) FROM {MatchedCodes(match)}"
        : $"SELECT group_concat(c.codes) FROM studies s JOIN study_facet_codes c ON c.study_rowid = s.rowid WHERE {selection.Where}";

    /// <summary>
    /// The one facet value the filters select by, when they are exactly one value of one facet
    /// that facet_pairs counts under (status, phase, setting, topic, endpoint, agent, target,
    /// modality; the structured-only variants with freeText=exclude); otherwise none.
    /// </summary>
    private static (string Facet, string Value)? SingleFacetValue(TrialFilters filters)
    {
        // A parameter not given binds as null or as an empty list.
        // facet_pairs does not pair countries (nor count them without case); a country is counted over its studies.
        if (HasOtherThanFacetFilters(filters) || filters.Country is { Length: > 0 })
        {
            return null;
        }

        var given = FacetValues(filters);
        var asksForAny = FilterRules.AsksForAny(filters.Target) || FilterRules.AsksForAny(filters.Modality);
        return given.Count == 1 && !asksForAny ? given[0] : null;
    }

    /// <summary>
    /// The facet numbers (facet_ids) each filter accepts, one group per filter given, when every
    /// filter is of a facet that study_facets keeps as the filter selects (status, phase, setting,
    /// endpoint, agent, target, modality, topic, country): a study is selected when it holds a
    /// number of every group (<see cref="FacetCodeSnapshot.Select"/>). "any" accepts every value
    /// of its facet; a country is compared without ASCII case, as the SQL compares it
    /// (COLLATE NOCASE). None when any other filter is given.
    /// </summary>
    private static List<IReadOnlyCollection<int>>? FacetGroups(DbConnection connection, TrialFilters filters)
    {
        if (HasOtherThanFacetFilters(filters))
        {
            return null;
        }

        // Each filter given: its facet and the values it accepts (none listed: any value of the facet).
        var wanted = FacetFilters(filters)
            .Select(f => (f.Facet, Values: f.Any ? null : f.Facet == "country" ? [.. f.Values.Select(AsciiLower)] : f.Values))
            .ToList();
        if (wanted.Count is 0 or > FacetCodeSnapshot.MaxGroups)
        {
            return null;
        }

        var numbers = connection.Query<(long Id, string Facet, string Value)>(connection.Sql(
            FacetIdsSql), new { facets = JsonSerializer.Serialize(wanted.Select(w => w.Facet).Distinct()) }).ToList();
        return [.. wanted.Select(w => (IReadOnlyCollection<int>)[.. numbers
            .Where(n => n.Facet == w.Facet && (w.Values is null || w.Values.Contains(w.Facet == "country" ? AsciiLower(n.Value) : n.Value, StringComparer.Ordinal)))
            .Select(n => checked((int)n.Id))])];
    }

    /// <summary>Whether a filter is given that is not of a facet study_facets keeps: words, sponsor, property, ranges, dates, freeText=only.</summary>
    private static bool HasOtherThanFacetFilters(TrialFilters filters) =>
        !string.IsNullOrEmpty(filters.Q) || filters.Sponsor is { Length: > 0 } || filters.Property is { Length: > 0 }
        || filters.MinEnrollment is not null || filters.MaxEnrollment is not null || filters.StartFrom is not null || filters.StartTo is not null
        || filters.UpdatedSince is not null || string.Equals(filters.FreeText, "only", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text with A-Z lower-cased and every other character kept: SQLite's NOCASE.</summary>
    private static string AsciiLower(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
        }
    });

    /// <summary>The facet values the filters select by (of the facets study_facets keeps), each as its facet counts it.</summary>
    private static List<(string Facet, string Value)> FacetValues(TrialFilters filters) =>
        [.. FacetFilters(filters).SelectMany(f => f.Values.Select(value => (f.Facet, value)))];

    /// <summary>
    /// Each facet filter given: its facet (the structured-only variant with freeText=exclude), its
    /// values as that facet holds them (known values only, in their canonical spelling), and
    /// whether it also asks for any value ("any").
    /// </summary>
    private static List<(string Facet, string[] Values, bool Any)> FacetFilters(TrialFilters filters)
    {
        var suffix = FilterRules.CountsStructuredOnly(filters) ? StudyFacets.StructuredSuffix : string.Empty;
        var given = new List<(string Facet, string[] Values, bool Any)>();
        Add("status", filters.Status, FilterRules.Statuses);
        Add("phase", filters.Phase, FilterRules.Phases);
        Add("registry", filters.Registry, FilterRules.Registries);
        Add("setting", filters.Setting, FilterRules.Settings);
        Add("endpoint", filters.Endpoint, FilterRules.Endpoints);
        Add("agent" + suffix, filters.Agent, FilterRules.Agents);
        Add("target" + suffix, filters.Target, FilterRules.Targets);
        Add("modality" + suffix, filters.Modality, FilterRules.Modalities);
        if (filters.Topic is { Length: > 0 } topics)
        {
            given.Add((StudyFacets.Topic, topics, false));
        }

        if (filters.Country is { Length: > 0 } countries)
        {
            given.Add(("country", countries, false));
        }

        return given;

        void Add(string facet, string[]? values, string[] allowed)
        {
            if (values is { Length: > 0 })
            {
                given.Add((facet, [.. values.Where(v => allowed.Contains(v, StringComparer.OrdinalIgnoreCase)).Select(v => FilterRules.Canonical(v, allowed))], FilterRules.AsksForAny(values)));
            }
        }
    }

    /// <summary>
    /// The selection, planned by how many studies each of its facet values selects (the
    /// maintained counts, one indexed read): see <see cref="Select(TrialFilters, IReadOnlyDictionary{ValueTuple{string, string}, long}?)"/>.
    /// </summary>
    public static TrialSelection Select(DbConnection connection, TrialFilters filters, long intersectFrom = IntersectFrom)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(filters);
        // A sponsor word in many names ("university") is read faster from every study in NCT
        // order than from the trigram index (whose 170,000 candidates of 600,000 would be sorted).
        var commonSponsorWords = (filters.Sponsor ?? [])
            .Where(value => HasTrigram(value) && connection.ExecuteScalar<long>(connection.Sql(
                CommonSponsorWordCount),
                new { value, cap = CommonSponsorWord }) >= CommonSponsorWord)
            .ToHashSet(StringComparer.Ordinal);
        var keys = FacetValues(filters);
        if (keys.Count < 2)
        {
            return Select(filters, commonSponsorWords: commonSponsorWords);
        }

        var sizes = connection.Query<(string Facet, string Value, long Count)>(connection.Sql(
                "SELECT facet, value, count FROM facet_counts WHERE (facet, value) IN (SELECT value ->> 0, value ->> 1 FROM json_each(@keys))"),
                new { keys = JsonSerializer.Serialize(keys.Select(k => new[] { k.Facet, k.Value })) })
            .ToDictionary(r => (r.Facet, r.Value), r => r.Count);
        return Select(filters, sizes, intersectFrom: intersectFrom, commonSponsorWords: commonSponsorWords);
    }

    /// <summary>Names that contain a sponsor word at least this often make it common (see <see cref="Select(DbConnection, TrialFilters, long)"/>).</summary>
    internal const long CommonSponsorWord = 20_000;

    /// <summary>How many names hold the sponsor words @value, counted up to @cap, from the same candidates the filter reads.</summary>
    private static readonly string CommonSponsorWordCount = $"SELECT COUNT(*) FROM ({SponsorCandidates.Replace("{0}", "@value", StringComparison.Ordinal)} LIMIT @cap)";

    /// <summary>The studies column a sort key orders by, without its table alias ("-enrollment": enrollment_count).</summary>
    private static string SortColumn(string sort) => SortColumns[sort.TrimStart('-')]["s.".Length..];

    /// <summary>The ORDER BY for an allowed sort key (see <see cref="SortKeys"/>).</summary>
    internal static string OrderBy(string sort)
    {
        var descending = sort.StartsWith('-');
        var column = SortColumns[descending ? sort[1..] : sort];
        var direction = descending ? "DESC" : "ASC";
        // The NCT id is never null and unique: ordered by it alone, an index can give the order.
        return column == "s.nct_id" ? $"s.nct_id {direction}" : $"{column} {direction} NULLS LAST, s.nct_id";
    }

    private sealed record FacetRow
    {
        public string Facet { get; init; } = string.Empty;
        public string Value { get; init; } = string.Empty;
        public long Count { get; init; }
    }
}
