namespace TrialEvidence.Topics;

/// <summary>
/// A saved search harvested on a schedule, from the "Topics" array of appsettings.json.
/// <see cref="Query"/> uses the registry's parameter names (query.cond, query.term, filter.advanced, ...).
/// </summary>
public sealed class TopicOptions
{
    /// <summary>The registry a topic searches by default.</summary>
    public const string ClinicalTrialsGov = "ClinicalTrials.gov";

    /// <summary>The EU Clinical Trials Register (EudraCT trials; read-only since CTIS took new trials).</summary>
    public const string Euctr = "EUCTR";

    public static IReadOnlyList<string> Registries { get; } = [ClinicalTrialsGov, Euctr];

    /// <summary>
    /// The search parameters an EUCTR topic may set: the fields of the register's search form
    /// (ctr-search/search?query=...&amp;phase=...), under its names.
    /// </summary>
    public static IReadOnlyList<string> EuctrParameters { get; } = ["query", "age", "gender", "phase", "status", "country", "resultsstatus", "dateFrom", "dateTo", "rare", "orphanimp", "orphannum"];

    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// Which registry the topic searches: "ClinicalTrials.gov" (the default) or "EUCTR". An EUCTR
    /// topic's Query holds the register's search form parameters, e.g. {"query": "hepatocellular"}.
    /// </summary>
    public string Registry { get; set; } = ClinicalTrialsGov;

    public bool IsEuctr => string.Equals(Registry, Euctr, StringComparison.Ordinal);

    /// <summary>Quartz cron expression, seconds first, in UTC: "0 0 4 * * ?" is every day at 04:00 UTC.</summary>
    public string Schedule { get; set; } = string.Empty;

    public Dictionary<string, string> Query { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The topic is the whole registry (a mirror, as AACT keeps): no Query; its first harvest
    /// is the bulk download (about 2.5 GB zipped), later ones ask for what changed since.
    /// </summary>
    public bool WholeRegistry { get; set; }

    /// <summary>
    /// A watch list: these trials (NCT ids), asked for with the registry's filter.ids and
    /// harvested on the schedule like any topic, e.g. the twelve trials a coordinator follows.
    /// With a Query too, both must hold.
    /// </summary>
    public List<string> Ids { get; set; } = [];

    /// <summary>The registry search this topic asks: its Query, with its Ids as filter.ids.</summary>
    public IReadOnlyDictionary<string, string> SearchParameters() =>
        Ids.Count == 0
            ? Query
            : new Dictionary<string, string>(Query, StringComparer.Ordinal) { ["filter.ids"] = string.Join(",", Ids.Select(i => i.Trim().ToUpperInvariant())) };

    public bool Enabled { get; set; } = true;
}

/// <summary>The "Topics" section: every configured topic (bound from the configuration root, as a list).</summary>
public sealed class TopicsOptions
{
    public const string Section = nameof(Topics);

    public List<TopicOptions> Topics { get; set; } = [];

    public TopicOptions? Find(string name) => Topics.Find(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
