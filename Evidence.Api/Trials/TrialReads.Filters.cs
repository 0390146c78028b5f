using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using TrialEvidence.Data.Facets;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Search;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Trials;

/// <summary>The rows of <c>studies s</c> that the filters select: a WHERE clause and its parameters.</summary>
/// <param name="All">No filter: every study.</param>
/// <param name="SearchOnly">
/// The parameter of the full-text query when the words of q are the only filter: the selection is
/// then the full-text index's rows, whose rowids are the studies' and which hold the NCT ids.
/// </param>
/// <param name="MergedOnly">
/// When the facet filters, merged as lists, are the only filters: that merge (a compound SELECT of
/// nct_id without ORDER BY), whose ids a page in NCT order reads as they stream.
/// </param>
public sealed record TrialSelection(string Where, DynamicParameters Parameters, bool All = false, string? SearchOnly = null, string? MergedOnly = null);

public sealed partial class TrialReads
{
    /// <summary>
    /// Turns validated filters into a WHERE clause over <c>studies s</c>. Every value is a
    /// parameter; the SQL text comes only from the fragments below, so no input ever reaches it.
    /// </summary>
    /// <param name="sizes">
    /// How many studies each facet value selects (facet_counts), to plan a selection of several
    /// filters: the filter that selects fewest reads its studies from an index, and the others
    /// test each of those (EXISTS), instead of every filter listing all its studies first. Without
    /// sizes each filter reads its own studies from an index.
    /// </param>
    /// <param name="probeOnly">Another condition (a list of ids) chooses the studies: every facet filter only tests them.</param>
    /// <param name="intersectFrom">
    /// With sizes, the fewest studies the narrowest facet filter must select for the facet filters
    /// to be merged as lists instead (see <see cref="IntersectFrom"/>).
    /// </param>
    /// <param name="commonSponsorWords">Sponsor values in so many names that every study is tested instead of the trigram index read.</param>
    public static TrialSelection Select(
        TrialFilters filters, IReadOnlyDictionary<(string Facet, string Value), long>? sizes = null, bool probeOnly = false, long intersectFrom = IntersectFrom,
        IReadOnlySet<string>? commonSponsorWords = null)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var where = new WhereClause();
        var structuredOnly = FilterRules.CountsStructuredOnly(filters);
        var suffix = structuredOnly ? StudyFacets.StructuredSuffix : string.Empty;
        // Each "s.nct_id IN (SELECT ...)" reads the matching studies from an index; a correlated
        // EXISTS would test every study (QueryPlanTests), unless another filter has chosen them.
        where.AnyOf(filters.Topic, "s.nct_id IN (SELECT t.nct_id FROM topic_studies t WHERE t.topic = {0})",
            StudyFacets.Topic, "EXISTS (SELECT 1 FROM topic_studies t WHERE t.topic = {0} AND t.nct_id = s.nct_id)");
        where.AnyOf(filters.Status?.Select(v => FilterRules.Canonical(v, FilterRules.Statuses)), "s.overall_status = {0}",
            "status", "s.overall_status = {0}", "s.nct_id IN (SELECT f.nct_id FROM study_facets f WHERE f.facet = 'status' AND f.value = {0})");
        // A trial registered in several registries is in each of them (its facet rows; Registrations).
        where.AnyOf(filters.Registry?.Select(v => FilterRules.Canonical(v, FilterRules.Registries)), RegistryIs,
            "registry", "EXISTS (SELECT 1 FROM study_facets f WHERE f.nct_id = s.nct_id AND f.facet = 'registry' AND f.value = {0})");
        where.AnyOf(filters.Phase?.Select(v => FilterRules.Canonical(v, FilterRules.Phases)), PhaseIs,
            "phase", "EXISTS (SELECT 1 FROM study_facets f WHERE f.nct_id = s.nct_id AND f.facet = 'phase' AND f.value = {0})");
        // A country of the study's sites or summary (its country facet rows), in any case: the
        // spellings stored are looked up without case among the few country values first.
        where.AnyOf(filters.Country, $"s.nct_id IN ({CountryPosting})",
            "country", "EXISTS (SELECT 1 FROM study_facets f WHERE f.nct_id = s.nct_id AND f.facet = 'country' AND f.value = {0} COLLATE NOCASE)",
            posting: CountryPosting);
        // A substring of three characters or more is found through the trigram index (0018) first.
        where.AnyOf(filters.Sponsor, value => HasTrigram(value) && commonSponsorWords?.Contains(value) != true ? SponsorIndexed : SponsorContains);
        InterventionFilter(where, filters.Agent, FilterRules.Agents, NormalisedField.Agent, structuredOnly, "agent" + suffix);
        InterventionFilter(where, filters.Target, FilterRules.Targets, NormalisedField.Target, structuredOnly, "target" + suffix);
        InterventionFilter(where, filters.Modality, FilterRules.Modalities, NormalisedField.RtModality, structuredOnly, "modality" + suffix);
        InterventionFilter(where, filters.Property, FilterRules.Properties, NormalisedField.AgentProperty, structuredOnly, null);
        if (string.Equals(filters.FreeText, "only", StringComparison.OrdinalIgnoreCase))
        {
            where.One(InterventionTerms.FreeTextOrdinal, "s.nct_id IN (SELECT v.nct_id FROM intervention_values v WHERE v.ordinal = {0})");
        }
        where.AnyOf(filters.Endpoint?.Select(v => FilterRules.Canonical(v, FilterRules.Endpoints)), PrimaryEndpointIs,
            "endpoint", $"EXISTS (SELECT 1 FROM outcomes o WHERE o.nct_id = s.nct_id AND o.kind = '{OutcomeKind.Primary}' AND o.endpoint_class = {{0}})");
        where.AnyOf(filters.Setting?.Select(v => FilterRules.Canonical(v, FilterRules.Settings)), "s.nct_id IN (SELECT g.nct_id FROM study_settings g WHERE g.setting = {0})",
            "setting", "EXISTS (SELECT 1 FROM study_settings g WHERE g.nct_id = s.nct_id AND g.setting = {0})");
        where.One(filters.MinEnrollment, "s.enrollment_count >= {0}");
        where.One(filters.MaxEnrollment, "s.enrollment_count <= {0}");
        // Dates are partial ("2018-05" or "2018-05-14"): compare at the coarser of the two precisions,
        // so a trial that started "2004-05" is in May 2004 for a filter of 2004-05-01..2004-05-31.
        // As ranges the index on start_date serves: on or after "2004-05-14" is >= it, or a coarser
        // date containing it ("2004", "2004-05"); on or before it is below it followed by any later
        // digit or '-' ('~' sorts after both).
        where.One(filters.StartFrom, "(s.start_date >= {0} OR s.start_date IN (substr({0}, 1, 4), substr({0}, 1, 7)))");
        where.One(filters.StartTo, "s.start_date < {0} || '~'");
        where.One(filters.UpdatedSince, "s.last_update_posted_date >= {0}");
        string? search = null;
        if (filters.Q is { } q && FullTextQuery(q) is { } match)
        {
            // The index's rowid is the study's: a seek per match, no NCT id compared.
            search = where.One(new FullTextQuery(match), "s.rowid IN (SELECT rowid FROM study_search WHERE study_search MATCH {0})");
        }

        var sql = where.Sql(sizes, probeOnly, intersectFrom);
        return new TrialSelection(sql, where.Parameters, where.IsEmpty, where.Count == 1 ? search : null, where.MergedOnly);
    }

    /// <summary>
    /// The studies with a country that equals one of {0} without regard to case: the spellings
    /// stored, looked up among the few country values, then their facet rows.
    /// </summary>
    private const string CountryPosting =
        "SELECT f.nct_id FROM study_facets f WHERE f.facet = 'country' AND f.value IN (SELECT c.value FROM facet_counts c WHERE c.facet = 'country' AND c.value COLLATE NOCASE IN ({0}))";

    /// <summary>
    /// Facet filters that each select at least this many studies are merged as lists (each in NCT
    /// order from the study_facets index, intersected): status=RECRUITING&amp;phase=PHASE2 over 600,000
    /// studies reads two index ranges instead of testing 100,000 studies against a list of 150,000.
    /// Below it, the narrowest reads its few studies and the others test each.
    /// </summary>
    public const long IntersectFrom = 5_000;

    /// <summary>One of a study's phases is {0} (studies.phase lists them joined, "PHASE1/PHASE2"; study_facets has one row each, indexed).</summary>
    private const string PhaseIs = "s.nct_id IN (SELECT f.nct_id FROM study_facets f WHERE f.facet = 'phase' AND f.value = {0})";

    /// <summary>One of the registries a trial is registered in is {0} (its registry facet rows).</summary>
    private const string RegistryIs = "s.nct_id IN (SELECT f.nct_id FROM study_facets f WHERE f.facet = 'registry' AND f.value = {0})";

    /// <summary>A primary outcome of the study is of class {0}.</summary>
    private const string PrimaryEndpointIs =
        $"s.nct_id IN (SELECT o.nct_id FROM outcomes o WHERE o.endpoint_class = {{0}} AND o.kind = '{OutcomeKind.Primary}')";

    /// <summary>
    /// An intervention of the study has one of <paramref name="values"/> in <paramref name="field"/>,
    /// or, for <see cref="FilterRules.AnyValue"/>, any value at all: target=any is any ICI, modality=any any RT.
    /// </summary>
    private static void InterventionFilter(WhereClause where, string[]? values, string[] allowed, string field, bool structuredOnly, string? facet)
    {
        // Values read from free text are stored under their own ordinal; "structured only" leaves them out.
        var structured = structuredOnly ? $" AND v.ordinal <> {InterventionTerms.FreeTextOrdinal}" : string.Empty;
        if (FilterRules.AsksForAny(values))
        {
            where.One(field, $"s.nct_id IN (SELECT v.nct_id FROM intervention_values v WHERE v.field = {{0}}{structured})");
        }
        else
        {
            where.AnyOf(
                values?.Select(v => FilterRules.Canonical(v, allowed)),
                $"s.nct_id IN (SELECT v.nct_id FROM intervention_values v WHERE v.field = '{field}' AND v.value = {{0}}{structured})",
                facet,
                $"EXISTS (SELECT 1 FROM intervention_values v WHERE v.nct_id = s.nct_id AND v.field = '{field}' AND v.value = {{0}}{structured})");
        }
    }

    /// <summary>
    /// A search box's words as an FTS5 query: each word quoted (so punctuation such as "PD-1" is
    /// text, not syntax), words ANDed, the words OR and NOT kept as operators.
    /// </summary>
    public static string? FullTextQuery(string text)
    {
        var tokens = new List<string>();
        var printable = TermText.WidthFolded(new string(text.Where(c => !char.IsControl(c)).ToArray()));
        foreach (var word in Words().Matches(printable).Select(m => m.Value.Replace("\"", string.Empty, StringComparison.Ordinal).Trim()))
        {
            var isOperator = word is "OR" or "NOT" or "AND";
            if (word.Length == 0 || (isOperator && (tokens.Count == 0 || IsOperator(tokens[^1]))))
            {
                continue; // an operator needs a word before it
            }

            tokens.Add(isOperator ? word : $"\"{word}\"");
        }

        while (tokens.Count > 0 && IsOperator(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1); // and one after it
        }

        return tokens.Count == 0 ? null : string.Join(' ', tokens);

        static bool IsOperator(string token) => token is "OR" or "NOT" or "AND";
    }

    /// <summary>
    /// A LIKE whose pattern is "contains {0}" in any (ASCII) case, the value taken literally (\,
    /// % and _ escaped, so they are text, not wildcards).
    /// </summary>
    private const string LikeContains = """LIKE '%' || replace(replace(replace({0}, '\', '\\'), '%', '\%'), '_', '\_') || '%' ESCAPE '\'""";

    /// <summary>
    /// A registration listed under the study (Registrations) has a lead sponsor containing {0}:
    /// a trial is found by any of its registrations' sponsors, as by their words. The few listed
    /// under another are read from their partial index.
    /// </summary>
    private const string RegistrationSponsorContains = $"s.nct_id IN (SELECT h.shown_as FROM studies h WHERE h.shown_as IS NOT NULL AND h.lead_sponsor {LikeContains})";

    /// <summary>The lead sponsor's name, or a registration's listed under it, contains {0} in any (ASCII) case.</summary>
    private const string SponsorContains = $"(s.lead_sponsor {LikeContains} OR {RegistrationSponsorContains})";

    /// <summary>
    /// The rowids of the studies whose lead sponsor may contain {0}, from the trigram index: the
    /// value as one quoted phrase finds every name that contains it without regard to case (a
    /// superset of what <see cref="SponsorContains"/> keeps). Needs <see cref="HasTrigram"/>.
    /// </summary>
    private const string SponsorCandidates = """SELECT rowid FROM sponsor_search WHERE sponsor_search MATCH '"' || replace({0}, '"', '""') || '"'""";

    /// <summary>
    /// The same as <see cref="SponsorContains"/>, the candidates first from the trigram index, as
    /// one list of NCT ids: the studies whose sponsor holds the value and those a registration
    /// holding it is listed under. (Written as an OR of the two, PostgreSQL read every study to test it.)
    /// </summary>
    private const string SponsorIndexed = $"""
        s.nct_id IN (SELECT c.nct_id FROM studies c WHERE c.rowid IN ({SponsorCandidates}) AND c.lead_sponsor {LikeContains}
                     UNION ALL SELECT h.shown_as FROM studies h WHERE h.shown_as IS NOT NULL AND h.lead_sponsor {LikeContains})
        """;

    /// <summary>Whether a sponsor value is long enough (three characters) to be looked up in the trigram index.</summary>
    private static bool HasTrigram(string value) => value.EnumerateRunes().Count() >= 3;

    /// <summary>
    /// Conditions ANDed, each value a numbered parameter. A condition on a facet's values has two
    /// more forms besides the one it is written in alone: a probe (EXISTS, testing a study another
    /// filter chose) and a driver (reading its studies from an index).
    /// </summary>
    private sealed class WhereClause
    {
        private readonly List<Condition> _conditions = [];

        public DynamicParameters Parameters { get; } = new();

        public bool IsEmpty => _conditions.Count == 0;

        /// <summary>
        /// The conditions as SQL. With <paramref name="sizes"/> and two or more conditions on facet
        /// values, the one that selects fewest studies drives and the others probe.
        /// </summary>
        public string Sql(IReadOnlyDictionary<(string Facet, string Value), long>? sizes, bool probeOnly, long intersectFrom)
        {
            if (_conditions.Count == 0)
            {
                return Listed;
            }

            var planned = _conditions.Where(c => c.Facet is not null).ToList();
            Condition? driver = null;
            if (sizes is not null && planned.Count >= 2 && !probeOnly)
            {
                long Size(Condition c) => c.Values!.Sum(v => sizes.GetValueOrDefault((c.Facet!, v), 0));
                if (planned.Min(Size) >= intersectFrom)
                {
                    // Every facet filter's studies in NCT order, merged (SQLite's MERGE (INTERSECT)).
                    var arms = string.Join("\n    INTERSECT ", planned.Select(c => c.Posting));
                    MergedOnly = planned.Count == _conditions.Count ? arms : null;
                    return string.Join("\n  AND ", _conditions.Where(c => c.Facet is null).Select(c => c.Alone).Prepend($"s.nct_id IN ({arms}\n    ORDER BY 1)").Append(Listed));
                }

                driver = planned.MinBy(Size);
            }

            return string.Join("\n  AND ", _conditions.Select(c =>
                c.Facet is not null && probeOnly ? c.Probe!
                : driver is null || c.Facet is null ? c.Alone
                : ReferenceEquals(c, driver) ? c.Driver!
                : c.Probe!).Append(Listed));
        }

        /// <summary>
        /// A trial registered more than once is listed under one registration (studies.shown_as;
        /// Registrations). The few others are read once from their partial index and tested by NCT
        /// id, which every index of studies holds: a page read from a covering index stays covered.
        /// </summary>
        private const string Listed = "s.nct_id NOT IN (SELECT h.nct_id FROM studies h WHERE h.shown_as IS NOT NULL)";

        /// <summary>Any of the values (a repeated parameter): the fragment once per value, ORed.</summary>
        /// <param name="facet">The facet whose values these are (study_facets), to plan by; null for none.</param>
        /// <param name="probe">The fragment as a test of one study (EXISTS); with <paramref name="facet"/>.</param>
        /// <param name="driver">The fragment reading its studies from an index, where <paramref name="fragment"/> does not.</param>
        /// <param name="posting">The studies of any of the values {0} (a list of parameters) as a SELECT of nct_id; by default their study_facets rows.</param>
        public void AnyOf(IEnumerable<string>? values, string fragment, string? facet = null, string? probe = null, string? driver = null, string? posting = null)
        {
            var list = values?.ToList();
            if (list is { Count: > 0 })
            {
                var names = list.Select(Parameter).ToList();
                // Facet names come from this class, never from input.
                posting ??= $"SELECT f.nct_id FROM study_facets f WHERE f.facet = '{facet}' AND f.value IN ({{0}})";
                _conditions.Add(new Condition(
                    Or(fragment, names),
                    facet is null ? null : Or(driver ?? fragment, names),
                    facet is null ? null : Or(probe!, names),
                    facet,
                    list,
                    facet is null ? null : Fill(posting, string.Join(", ", names))));
            }
        }

        public int Count => _conditions.Count;

        /// <summary>Set by <see cref="Sql"/> when it merges the facet filters and there are no others: the merge.</summary>
        public string? MergedOnly { get; private set; }

        /// <summary>Any of the values, each with the fragment <paramref name="fragmentFor"/> chooses for it.</summary>
        public void AnyOf(IEnumerable<string>? values, Func<string, string> fragmentFor)
        {
            var list = values?.ToList();
            if (list is { Count: > 0 })
            {
                var sql = "(" + string.Join(" OR ", list.Select(value => Fill(fragmentFor(value), Parameter(value)))) + ")";
                _conditions.Add(new Condition(sql, null, null, null, null, null));
            }
        }

        /// <summary>The condition with one value; returns the value's parameter, or null when there is no value.</summary>
        public string? One(object? value, string fragment)
        {
            if (value is null)
            {
                return null;
            }

            var parameter = Parameter(value);
            _conditions.Add(new Condition(Fill(fragment, parameter), null, null, null, null, null));
            return parameter;
        }

        private static string Or(string fragment, List<string> parameters) =>
            "(" + string.Join(" OR ", parameters.Select(name => Fill(fragment, name))) + ")";

        private string Parameter(object value)
        {
            var name = $"p{Parameters.ParameterNames.Count()}";
            Parameters.Add(name, value);
            return "@" + name;
        }

        private static string Fill(string fragment, string parameter) => string.Format(CultureInfo.InvariantCulture, fragment, parameter);

        private sealed record Condition(string Alone, string? Driver, string? Probe, string? Facet, IReadOnlyList<string>? Values, string? Posting);
    }

    [GeneratedRegex("\"[^\"]*\"|[^\\s\"]+")]
    private static partial Regex Words();
}
