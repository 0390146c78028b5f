using System.Globalization;
using System.Text.Json;
using TrialEvidence.Api.Trials;
using TrialEvidence.Data.Import;
using TrialEvidence.Harvesting;
using TrialEvidence.Topics;

namespace TrialEvidence.Api.Topics;

/// <summary>
/// A topic's searches as a review's methods section reports them (PRISMA 2020 item 6, information
/// sources: each registry and the date it was last searched; item 7, search strategy: the exact
/// query, filters and limits): what was asked of which registry on which dates, what each harvest
/// found (harvest_runs), the records imported from files besides (import_runs), and how Table 1
/// was chosen from the trials found.
/// </summary>
public sealed partial record SearchReport
{
    public required TopicOptions Topic { get; init; }

    /// <summary>The registry the topic searches, as a methods section names it.</summary>
    public string Registry => Topic.IsEuctr ? "EU Clinical Trials Register (EUCTR)" : "ClinicalTrials.gov";

    /// <summary>How it was searched.</summary>
    public string Interface => Topic.IsEuctr ? "search and full-text download" : "API v2";

    /// <summary>The base URL of the topic's registry the harvests are configured with (Registry:BaseUrl, or Euctr:BaseUrl).</summary>
    public required string BaseUrl { get; init; }

    /// <summary>Every harvest run of the topic, oldest first.</summary>
    public required IReadOnlyList<HarvestRun> Runs { get; init; }

    /// <summary>Every import of registry files into the evidence database, oldest first: a source of its records, not of the topic's.</summary>
    public IReadOnlyList<ImportRun> Imports { get; init; } = [];

    /// <summary>How many trials the topic's searches have found (topic_studies).</summary>
    public required long TopicTrials { get; init; }

    /// <summary>The Table 1 filters given, in words.</summary>
    public required IReadOnlyList<FilterStatement> Filters { get; init; }

    /// <summary>The NCT ids Table 1 was asked for, if it is a curated list.</summary>
    public IReadOnlyList<string>? Ids { get; init; }

    /// <summary>Ids asked for that are not in the evidence database.</summary>
    public IReadOnlyList<string> NotFound { get; init; } = [];

    /// <summary>How many trials pass: the rows of <see cref="Table1Url"/>.</summary>
    public required long Table1Trials { get; init; }

    /// <summary>The request that gives the same Table 1, "/api/table1?topic=...".</summary>
    public required string Table1Url { get; init; }

    public ReportDocument ToDocument()
    {
        var complete = Completed();
        var last = complete.LastOrDefault();
        var blocks = new List<ReportBlock>
        {
            Searches(complete),
            Selection(),
            new ReportHeading("Registry searched"),
            new ReportTable(
                ["Registry", "Interface", "Base URL", "Date last searched", "Registry data date"],
                [[Registry, Interface, BaseUrl, last is null ? "not yet searched" : Day(last.Started), last?.DataDate ?? "—"]]),
            new ReportHeading("Query"),
        };
        var query = Topic.SearchParameters();
        blocks.Add(Topic.WholeRegistry && query.Count == 0
            ? new ReportParagraph("The whole registry: its bulk download first, then at each harvest the records updated since the last one.")
            : new ReportTable(["Parameter", "Value"], [.. query.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)[p.Key, p.Value])]));
        blocks.Add(new ReportHeading("Harvests"));
        blocks.Add(Runs.Count == 0
            ? new ReportParagraph($"No harvest of the topic {Topic.Name} has run yet.")
            : new ReportTable(
                ["Run", "Started (UTC)", "Kind", "Asked for", "Outcome", "Registry data date", Topic.IsEuctr ? "Trials found" : "Records found", "New", "Changed", "Unchanged", "Rejected"],
                [.. Runs.Select(HarvestRow)]));
        if (Imports.Count > 0)
        {
            blocks.AddRange([new ReportHeading(ImportsHeading), ImportTable()]);
        }

        blocks.Add(new ReportHeading("Table 1"));
        List<FilterStatement> filters = [.. Ids is null ? [] : new[] { new FilterStatement("ids", string.Join(", ", Ids), "the trials asked for by NCT number") }, .. Filters];
        blocks.Add(filters.Count == 0
            ? new ReportParagraph("No filters: every trial the searches found.")
            : new ReportTable(["Parameter", "Value", "In words"], [.. filters.Select(f => (IReadOnlyList<string>)[f.Parameter, f.Asked, f.Words])]));
        blocks.Add(new ReportParagraph([new($"{Count(Table1Trials, "trial")} pass, of {Count(TopicTrials, "trial")} the searches found. The same table: "), new(Table1Url, Literal: true), new(".")]));
        return new ReportDocument($"Search report: {Topic.Name}", blocks);
    }

    /// <summary>The methods paragraph: when the registry was searched, with what, what it found, and when last.</summary>
    private ReportParagraph Searches(IReadOnlyList<Harvest> complete)
    {
        var text = new List<ReportText>();
        var registry = $"{Registry} ({Interface}, ";
        var running = Runs.LastOrDefault(r => r.Outcome == HarvestOutcome.Running);
        var full = complete.LastOrDefault(h => h.Kind == HarvestKind.Full) ?? (complete.Count > 0 ? complete[0] : null);
        if (full is null)
        {
            text.AddRange([new(registry), new(BaseUrl, true), new(Runs.Count == 0
                ? $") has not been searched for the topic {Topic.Name} yet: no harvest has run. The search will ask for "
                : $") has not yet been searched in full for the topic {Topic.Name}: no harvest has completed ({Count(Runs.Count, "attempt")}, listed below). The search asks for ")]);
            text.AddRange(Query(Topic.SearchParameters()));
            text.Add(new("."));
        }
        else
        {
            text.AddRange(full.Download
                ? [new($"We downloaded the whole of {Registry} ({Interface} bulk download, "), new(BaseUrl + "studies/download?format=json.zip", true), new($") on {Day(full.Started)}{Data(full)}")]
                : [new($"We searched {registry}"), new(BaseUrl, true), new($") on {Day(full.Started)}{Data(full)} using the query "), .. Query(full.TopicQuery)]);
            // EUCTR counts trials, and sends a record of each member state's: its counts below are of records.
            text.Add(new(Topic.IsEuctr
                ? $". The search found {Count(full.Found, "trial")}, whose member states' records were {full.Counts}."
                : $". The search found {Count(full.Found, "record")}: {full.Counts}."));
            var updates = complete.SkipWhile(h => h != full).Skip(1).ToList();
            if (updates.Count > 0)
            {
                var when = Days(updates.Select(u => u.Started));
                text.Add(new((updates.Count == 1 ? $" We updated the search once ({when}), asking" : $" We updated the search {updates.Count} times ({when}), each time asking")
                    + $" for the records updated in the registry since the day before the previous search: {Count(updates.Sum(u => u.Found), "record")} found, "
                    + $"{updates.Sum(u => u.New)} new and {updates.Sum(u => u.Changed)} changed."));
            }

            var last = complete[^1];
            text.Add(new($" Date last searched: {Day(last.Started)}{Data(last)}."));
            if (!Same(full.TopicQuery, Topic.SearchParameters()) && !full.Download)
            {
                text.AddRange([new(" The topic's query has been changed since to "), .. Query(Topic.SearchParameters()), new("; the next harvest searches it in full.")]);
            }
        }

        var unfinished = Runs.Count(r => r.Outcome is HarvestOutcome.Failed or HarvestOutcome.Interrupted && !complete.Any(h => h.RunIds.Contains(r.Id)));
        if (unfinished > 0)
        {
            text.Add(new($" {Count(unfinished, "harvest attempt")} failed or {(unfinished == 1 ? "was" : "were")} interrupted without a later run completing {(unfinished == 1 ? "it" : "them")} (see Harvests)."));
        }

        if (running is not null)
        {
            text.Add(new($" A harvest is running now (run {running.Id}, started {Minute(running.StartedAt)} UTC)."));
        }

        if (Imports.Count > 0)
        {
            text.Add(new(" " + ImportsSentence()));
        }

        return new ReportParagraph(text);
    }

    /// <summary>How Table 1 was chosen from the trials found, in words.</summary>
    private ReportParagraph Selection()
    {
        var words = TrialFilterWords.And(Filters.Select(f => f.Words));
        var sentence = $"In all, the searches found {Count(TopicTrials, "trial")}. "
            + (Ids is not null
                ? $"Table 1 lists the {Count(Table1Trials, "trial")} of the {Ids.Count} asked for by NCT number that the searches found{(words.Length > 0 ? $", {words}" : string.Empty)}."
                  + (NotFound.Count > 0 ? $" Not in the evidence database: {string.Join(", ", NotFound)}." : string.Empty)
                : TopicTrials == 0 ? "Table 1 has no trials yet."
                : words.Length > 0 ? $"For Table 1 we kept the {Count(Table1Trials, "trial")} of them {words}."
                : $"Table 1 lists all {Count(Table1Trials, "trial")}.");
        return new ReportParagraph(sentence);
    }

    private IReadOnlyList<string> HarvestRow(HarvestRun run) =>
    [
        run.Id.ToString(CultureInfo.InvariantCulture),
        Minute(run.StartedAt),
        run.Kind + (run.ResumedFrom is { } from ? $", resumes run {from}" : string.Empty),
        IsDownload(run) ? "the bulk download" : run.UpdatedSince is { } since ? $"records updated since {since}" : "all records",
        run.Outcome,
        run.RegistryDataTimestamp ?? "—",
        run.TotalCount?.ToString(CultureInfo.InvariantCulture) ?? "—",
        .. new[] { run.StudiesNew, run.StudiesChanged, run.StudiesUnchanged, run.StudiesRejected }.Select(n => n.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>Each harvest that completed: a succeeded run with the runs it resumed (what it counts is theirs too), oldest first.</summary>
    private List<Harvest> Completed()
    {
        var byId = Runs.ToDictionary(r => r.Id);
        return [.. Runs.Where(r => r.Outcome == HarvestOutcome.Succeeded).Select(last =>
        {
            var chain = new List<HarvestRun> { last };
            while (chain[^1].ResumedFrom is { } from && byId.TryGetValue(from, out var earlier))
            {
                chain.Add(earlier);
            }

            return new Harvest(chain);
        })];
    }

    private static bool IsDownload(HarvestRun run) => run.Query.Contains("\"download\"", StringComparison.Ordinal);

    /// <summary>A run's query as asked.</summary>
    private static List<ReportText> Query(string topicQuery) => Query(Asked(topicQuery));

    /// <summary>
    /// The search parameters a run asked: its stored query without the key an EUCTR run's names
    /// its registry under (HarvestService.RegistryKey), which the report names apart.
    /// </summary>
    private static SortedDictionary<string, string> Asked(string topicQuery)
    {
        var asked = JsonSerializer.Deserialize<SortedDictionary<string, string>>(topicQuery) ?? [];
        asked.Remove(HarvestService.RegistryKey);
        return asked;
    }

    /// <summary>Each parameter as a literal "name=value", joined by "and".</summary>
    private static List<ReportText> Query(IReadOnlyDictionary<string, string> parameters)
    {
        var parts = new List<ReportText>();
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (parts.Count > 0)
            {
                parts.Add(new(" and "));
            }

            parts.Add(new($"{name}={value}", Literal: true));
        }

        return parts.Count > 0 ? parts : [new("no query (every record)")];
    }

    /// <summary>Whether a run asked the topic's query now.</summary>
    private static bool Same(string topicQuery, IReadOnlyDictionary<string, string> parameters) =>
        Asked(topicQuery) is var asked
        && asked.Count == parameters.Count && asked.All(p => parameters.TryGetValue(p.Key, out var value) && value == p.Value);

    private static string Data(Harvest harvest) => harvest.DataDate is { } data ? $" (registry data of {Day(data)})" : string.Empty;

    /// <summary>The days of <paramref name="timestamps"/>: up to five named, more as a range.</summary>
    private static string Days(IEnumerable<string> timestamps)
    {
        var days = timestamps.Select(Day).Distinct().ToList();
        return days.Count <= 5 ? TrialFilterWords.And(days) : $"{days[0]} to {days[^1]}";
    }

    private static string Day(string timestamp) => timestamp.Length >= 10 ? timestamp[..10] : timestamp;

    private static string Minute(string timestamp) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : timestamp;

    private static string Count(long n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? string.Empty : "s")}");

    /// <summary>One completed harvest: its runs, newest first (the succeeded one, then those it resumed).</summary>
    private sealed record Harvest(List<HarvestRun> Chain)
    {
        private HarvestRun First => Chain[^1];

        public IEnumerable<long> RunIds => Chain.Select(r => r.Id);

        public string Kind => First.Kind;

        public bool Download => IsDownload(First);

        public string TopicQuery => First.TopicQuery;

        /// <summary>When the harvest began (its first run).</summary>
        public string Started => First.HarvestStartedAt;

        /// <summary>The registry's data date the harvest finished on (the last run that read one).</summary>
        public string? DataDate => Chain.Select(r => r.RegistryDataTimestamp).FirstOrDefault(d => d is not null);

        public long New => Chain.Sum(r => r.StudiesNew);

        public long Changed => Chain.Sum(r => r.StudiesChanged);

        /// <summary>The registry's count for the query; a download (no count) counts what it held.</summary>
        public long Found => Chain.Select(r => r.TotalCount).FirstOrDefault(c => c is not null) ?? Chain.Sum(r => r.StudiesNew + r.StudiesChanged + r.StudiesUnchanged + r.StudiesRejected);

        public string Counts
        {
            get
            {
                var (unchanged, rejected) = (Chain.Sum(r => r.StudiesUnchanged), Chain.Sum(r => r.StudiesRejected));
                return $"{New} new to the evidence database, {Changed} changed and {unchanged} unchanged since last stored"
                    + (rejected > 0 ? $", {rejected} rejected as unreadable" : string.Empty);
            }
        }
    }
}
