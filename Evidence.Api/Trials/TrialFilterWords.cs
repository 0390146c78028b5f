using System.Globalization;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Trials;

/// <summary>One filter given, as asked (parameter and values) and as a methods section states it.</summary>
public sealed record FilterStatement(string Parameter, string Asked, string Words);

/// <summary>The trial filters in words: "with overall status Recruiting or Completed", "giving SBRT".</summary>
public static class TrialFilterWords
{
    /// <summary>One statement per filter given, in the order of <see cref="TrialFilters"/>'s parameters; none when there are none.</summary>
    public static List<FilterStatement> Describe(TrialFilters filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var said = new List<FilterStatement>();
        Add(said, "topic", filters.Topic, v => $"found by the searches of topic {Or(v)}");
        Add(said, "q", filters.Q is null ? null : [filters.Q], v => $"whose titles, summary, conditions, interventions or sponsor hold the words {Or(Quoted(v))}");
        Add(said, "status", filters.Status, v => $"with overall status {Or(v.Select(s => RegistryLabels.Status(s.ToUpperInvariant())!))}");
        Add(said, "phase", filters.Phase, v => $"of phase {Or(v.Select(Phase))}");
        Add(said, "country", filters.Country, v => $"in {Or(v)} (a site or the institution)");
        Add(said, "sponsor", filters.Sponsor, v => $"with a lead sponsor whose name holds {Or(Quoted(v))}");
        Add(said, "agent", filters.Agent, v => $"giving {Or(Canonical(v, FilterRules.Agents))}");
        Add(said, "target", filters.Target, v => FilterRules.AsksForAny(v) ? "giving any immune checkpoint inhibitor" : $"giving an immune checkpoint inhibitor of {Or(Canonical(v, FilterRules.Targets))}");
        Add(said, "modality", filters.Modality, v => FilterRules.AsksForAny(v) ? "giving any radiotherapy" : $"giving {Or(Canonical(v, FilterRules.Modalities))}");
        Add(said, "endpoint", filters.Endpoint, v => $"with a primary endpoint of {Or(Canonical(v, FilterRules.Endpoints))}");
        Add(said, "property", filters.Property, v => $"giving a {Or(Canonical(v, FilterRules.Properties))} agent");
        Add(said, "setting", filters.Setting, v => $"in patients whose disease is {Or(Canonical(v, FilterRules.Settings))}");
        Add(said, "minEnrollment", Number(filters.MinEnrollment), v => $"enrolling at least {v[0]} participants");
        Add(said, "maxEnrollment", Number(filters.MaxEnrollment), v => $"enrolling at most {v[0]} participants");
        Add(said, "startFrom", filters.StartFrom is null ? null : [filters.StartFrom], v => $"starting in or after {v[0]}");
        Add(said, "startTo", filters.StartTo is null ? null : [filters.StartTo], v => $"starting in or before {v[0]}");
        Add(said, "updatedSince", filters.UpdatedSince is null ? null : [filters.UpdatedSince], v => $"last updated in the registry on or after {v[0]}");
        Add(said, "freeText", filters.FreeText is null ? null : [filters.FreeText], v => v[0].ToLowerInvariant() switch
        {
            "exclude" => "counting for agents, targets and RT only the interventions the registry lists, not what titles, summaries or arms name",
            "only" => "naming an agent, target or RT in titles, summaries or arms that the listed interventions do not",
            _ => "counting for agents, targets and RT the interventions and what titles, summaries and arms name",
        });
        return said;
    }

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string Or(IEnumerable<string> values) => Join(values, "or");

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string And(IEnumerable<string> values) => Join(values, "and");

    private static string Join(IEnumerable<string> values, string last)
    {
        var list = values.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} {last} {list[^1]}";
    }

    /// <summary>"2" for PHASE2, "early 1" for EARLY_PHASE1, "N/A" for NA: "of phase 1 or 2".</summary>
    private static string Phase(string code) => code.ToUpperInvariant() switch
    {
        "NA" => "N/A (not applicable)",
        "EARLY_PHASE1" => "early 1",
        var phase => phase.Replace("PHASE", string.Empty, StringComparison.Ordinal),
    };

    private static IEnumerable<string> Canonical(string[] values, string[] allowed) => values.Select(v => FilterRules.Canonical(v, allowed));

    private static IEnumerable<string> Quoted(IEnumerable<string> values) => values.Select(v => $"\"{v}\"");

    private static string[]? Number(int? value) => value is { } n ? [n.ToString(CultureInfo.InvariantCulture)] : null;

    private static void Add(List<FilterStatement> said, string parameter, string[]? values, Func<string[], string> words)
    {
        if (values is { Length: > 0 })
        {
            said.Add(new FilterStatement(parameter, string.Join(", ", values), words(values)));
        }
    }
}
