using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Search;

namespace TrialEvidence.Api.Trials;

/// <summary>Another registry's trial whose titles are like this one's: possibly the same trial, never linked on that alone.</summary>
/// <param name="Similarity">The share of the two records' title words they have in common, each word weighed by how rare it is among the stored trials (0 to 1).</param>
public sealed record SimilarTrial(string Id, string Registry, string? Title, string? Sponsor, double Similarity);

/// <summary>
/// Suggests registrations of the same trial that name no id in common (a ChiCTR record that does
/// not cite its NCT number): listed trials of other registries whose titles share this one's rare
/// words. The candidates are the full-text index's best matches on the title words; each is scored
/// by weighted Jaccard over the words of both records' titles (brief and official), each word
/// weighed by its inverse document frequency in the index (study_search_terms), so that "COVID-19"
/// in a COVID topic counts for little and a drug's or hospital's name for much. A suggestion is
/// for a reviewer to check (the page shows the sponsor beside it); it never joins records.
/// </summary>
internal static partial class SimilarTitles
{
    /// <summary>The least similarity suggested. On the WHO ICTRP export of ../shared (237 ChiCTR and 52 NCT records, 12,324 pairs), 6 pairs reach it.</summary>
    public const double Threshold = 0.5;

    private const int Candidates = 50;
    private const int MaxSuggested = 5;

    /// <summary>The rarest title words asked for candidates: a word in at most 1 in 200 trials (or 200), at most 6 of them.</summary>
    private const int QueryWords = 6;
    private const int RareShareOfDocuments = 200;
    private const int MinRareDocuments = 200;

    /// <summary>
    /// Function words, and the words of nearly every trial's title, which are never rare: their
    /// frequency is not looked up (counting a word's trials walks its whole posting list).
    /// </summary>
    private static readonly HashSet<string> Stopwords = new(
        ["the", "and", "for", "with", "from", "into", "its", "are", "was", "were", "this", "that", "than", "versus", "via",
         "study", "trial", "clinical", "phase", "patients", "randomized", "randomised", "controlled", "open", "label", "single", "multicenter",
         "efficacy", "safety", "treatment", "therapy", "evaluate", "evaluating", "evaluation", "effect", "effects", "versus", "compared", "comparing"],
        StringComparer.Ordinal);

    public static List<SimilarTrial> Of(IDbConnection connection, IDbTransaction read, string nctId, IReadOnlyCollection<string> trial)
    {
        var registry = connection.QuerySingle<string>(connection.Sql("SELECT registry FROM studies WHERE nct_id = @nctId"), new { nctId }, read);
        // Each registration of this trial, and of each candidate, is compared with each of the
        // other's: the index found the candidate by any of its registrations' words.
        var own = Registrations(connection, read, trial).Select(r => r.Words).ToList();
        var words = own.SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
        var documents = Math.Max(1, connection.ExecuteScalar<long>(connection.Sql("SELECT count FROM facet_counts WHERE facet = 'total' AND value = ''"), transaction: read));
        var frequencies = Frequencies(connection, read, words);
        // The candidates share a rare word of the titles: a query on their common words would rank
        // most of the index (a title's "hepatocellular carcinoma" in an HCC mirror).
        var rare = words.Where(w => frequencies.GetValueOrDefault(w) is > 0 and var docs && docs <= Math.Max(MinRareDocuments, documents / RareShareOfDocuments))
            .OrderBy(w => frequencies[w]).ThenBy(w => w, StringComparer.Ordinal)
            .Take(QueryWords)
            .ToList();
        if (rare.Count == 0)
        {
            return [];
        }

        var match = "titles : (" + string.Join(" OR ", rare.Select(w => $"\"{w}\"")) + ")";
        var candidates = connection.Query<(string Id, string Registry, string? Brief, string? Official, string? Sponsor)>(connection.Sql("""
            SELECT s.nct_id, s.registry, s.brief_title, s.official_title, s.lead_sponsor
            FROM (SELECT rowid FROM study_search WHERE study_search MATCH @match ORDER BY rank LIMIT @limit) m
            JOIN studies s ON s.rowid = m.rowid
            WHERE s.registry <> @registry AND s.nct_id NOT IN (SELECT value FROM json_each(@trial))
            """), new { match = new FullTextQuery(match), limit = Candidates, registry, trial = System.Text.Json.JsonSerializer.Serialize(trial) }, read).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var theirs = Registrations(connection, read, [.. candidates.Select(c => c.Id)]).ToLookup(r => r.ListedAs, r => r.Words, StringComparer.Ordinal);
        foreach (var (term, docs) in Frequencies(connection, read, theirs.SelectMany(g => g).SelectMany(w => w).Where(w => !frequencies.ContainsKey(w)).ToHashSet(StringComparer.Ordinal)))
        {
            frequencies[term] = docs;
        }

        double Weight(string word) => Math.Log(1 + (double)documents / Math.Max(1, frequencies.GetValueOrDefault(word, 1)));

        return [.. candidates
            .Select(c => (c, Score: own.SelectMany(mine => theirs[c.Id].Select(other => Similarity(mine, other, Weight))).DefaultIfEmpty(0).Max()))
            .Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score).ThenBy(x => x.c.Id, StringComparer.Ordinal)
            .Take(MaxSuggested)
            .Select(x => new SimilarTrial(x.c.Id, x.c.Registry, x.c.Brief ?? x.c.Official, x.c.Sponsor, Math.Round(x.Score, 2)))];
    }

    /// <summary>The title words of each registration of the trials listed as <paramref name="listed"/> (those listed under them included), by the id they are listed as.</summary>
    private static IEnumerable<(string ListedAs, HashSet<string> Words)> Registrations(IDbConnection connection, IDbTransaction read, IReadOnlyCollection<string> listed) =>
        connection.Query<(string ListedAs, string? Brief, string? Official)>(connection.Sql("""
                SELECT nct_id, brief_title, official_title FROM studies WHERE nct_id IN (SELECT value FROM json_each(@ids))
                UNION ALL
                SELECT shown_as, brief_title, official_title FROM studies WHERE shown_as IN (SELECT value FROM json_each(@ids))
                """), new { ids = System.Text.Json.JsonSerializer.Serialize(listed) }, read)
            .Select(r => (r.ListedAs, Words(r.Brief, r.Official)))
            .Where(r => r.Item2.Count > 0);

    /// <summary>In how many rows of the index each word is (study_search_terms); a word in none is absent.</summary>
    private static Dictionary<string, long> Frequencies(IDbConnection connection, IDbTransaction read, HashSet<string> words) =>
        words.Count == 0
            ? new(StringComparer.Ordinal)
            : connection.Query<(string Term, long Docs)>(connection.Sql(
                    "SELECT term, doc FROM study_search_terms WHERE term IN (SELECT value FROM json_each(@terms))"),
                    new { terms = System.Text.Json.JsonSerializer.Serialize(words) }, read)
                .ToDictionary(t => t.Term, t => t.Docs, StringComparer.Ordinal);

    /// <summary>The words of titles as the index splits them (letters and digits, lower case), of three characters or more, common function words left out.</summary>
    public static HashSet<string> Words(params string?[] titles) =>
        titles.OfType<string>()
            .SelectMany(t => Word().Matches(Diacritics.Remove(t)).Select(m => m.Value))
            .Where(w => w.Length >= 3 && !Stopwords.Contains(w))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Weighted Jaccard: the weight of the words both have over the weight of the words either has.</summary>
    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b, Func<string, double> weight)
    {
        var union = a.Union(b).Sum(weight);
        return union <= 0 ? 0 : a.Intersect(b).Sum(weight) / union;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
