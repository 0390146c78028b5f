using System.Collections.Frozen;
using Refit;

namespace TrialEvidence.ClinicalTrialsGov;

/// <summary>
/// The parameters of GET /studies, under the registry's own names. Topics in appsettings.json
/// use those names too (<c>"query.cond": "hepatocellular carcinoma"</c>); null means not sent.
/// </summary>
public sealed record StudySearch
{
    public const int MaxPageSize = 1000;

    [AliasAs("query.cond")] public string? Condition { get; init; }
    [AliasAs("query.term")] public string? Term { get; init; }
    [AliasAs("query.locn")] public string? Location { get; init; }
    [AliasAs("query.titles")] public string? Titles { get; init; }
    [AliasAs("query.intr")] public string? Intervention { get; init; }
    [AliasAs("query.outc")] public string? Outcome { get; init; }
    [AliasAs("query.spons")] public string? Sponsor { get; init; }
    [AliasAs("query.lead")] public string? LeadSponsor { get; init; }
    [AliasAs("query.id")] public string? Id { get; init; }
    [AliasAs("query.patient")] public string? Patient { get; init; }
    [AliasAs("filter.overallStatus")] public string? OverallStatus { get; init; }
    [AliasAs("filter.geo")] public string? Geo { get; init; }
    [AliasAs("filter.ids")] public string? Ids { get; init; }
    [AliasAs("filter.advanced")] public string? Advanced { get; init; }
    [AliasAs("filter.synonyms")] public string? Synonyms { get; init; }
    [AliasAs("fields")] public string? Fields { get; init; }
    [AliasAs("sort")] public string? Sort { get; init; }
    [AliasAs("pageSize")] public int? PageSize { get; init; }
    [AliasAs("pageToken")] public string? PageToken { get; init; }

    /// <summary>"true" on a first page to get totalCount; the registry ignores it on later pages.</summary>
    [AliasAs("countTotal")] public string? CountTotal { get; init; }

    [AliasAs("format")] public string Format { get; init; } = "json";

    /// <summary>The parameters a topic may set, by registry name (paging is the harvester's business).</summary>
    public static FrozenDictionary<string, Func<StudySearch, string, StudySearch>> TopicParameters { get; } =
        new Dictionary<string, Func<StudySearch, string, StudySearch>>(StringComparer.Ordinal)
        {
            ["query.cond"] = (s, v) => s with { Condition = v },
            ["query.term"] = (s, v) => s with { Term = v },
            ["query.locn"] = (s, v) => s with { Location = v },
            ["query.titles"] = (s, v) => s with { Titles = v },
            ["query.intr"] = (s, v) => s with { Intervention = v },
            ["query.outc"] = (s, v) => s with { Outcome = v },
            ["query.spons"] = (s, v) => s with { Sponsor = v },
            ["query.lead"] = (s, v) => s with { LeadSponsor = v },
            ["query.id"] = (s, v) => s with { Id = v },
            ["query.patient"] = (s, v) => s with { Patient = v },
            ["filter.overallStatus"] = (s, v) => s with { OverallStatus = v },
            ["filter.geo"] = (s, v) => s with { Geo = v },
            ["filter.ids"] = (s, v) => s with { Ids = v },
            ["filter.advanced"] = (s, v) => s with { Advanced = v },
            ["filter.synonyms"] = (s, v) => s with { Synonyms = v },
            ["sort"] = (s, v) => s with { Sort = v },
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Builds a search from registry-named parameters.</summary>
    /// <exception cref="ArgumentException">A name the registry does not have (e.g. filter.phase).</exception>
    public static StudySearch From(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var search = new StudySearch();
        foreach (var (name, value) in parameters)
        {
            if (!TopicParameters.TryGetValue(name, out var set))
            {
                throw new ArgumentException(
                    $"'{name}' is not a search parameter of the registry API. Allowed: {string.Join(", ", TopicParameters.Keys.Order(StringComparer.Ordinal))}.");
            }

            search = set(search, value);
        }

        return search;
    }

    /// <summary>The query as registry-named parameters (no paging), e.g. to record what a harvest asked.</summary>
    public SortedDictionary<string, string> ToParameters()
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in new (string, string?)[]
                 {
                     ("query.cond", Condition), ("query.term", Term), ("query.locn", Location), ("query.titles", Titles),
                     ("query.intr", Intervention), ("query.outc", Outcome), ("query.spons", Sponsor), ("query.lead", LeadSponsor),
                     ("query.id", Id), ("query.patient", Patient), ("filter.overallStatus", OverallStatus), ("filter.geo", Geo),
                     ("filter.ids", Ids), ("filter.advanced", Advanced), ("filter.synonyms", Synonyms), ("sort", Sort),
                 })
        {
            if (value is not null)
            {
                parameters[name] = value;
            }
        }

        return parameters;
    }
}
