using System.Globalization;
using TrialEvidence.Data.Import;

namespace TrialEvidence.Api.Topics;

/// <summary>
/// The records imported from files (<c>harvester import</c>, import_runs): a source of the evidence
/// database that no topic searched, stated so that a reader does not take the database's trials
/// for the topic's, nor the topic's empty search for an empty database.
/// </summary>
public sealed partial record SearchReport
{
    private const string ImportsHeading = "Records imported from files";

    /// <summary>What the imports added and that Table 1 does not count them (topic_studies holds only what the topic's harvests found).</summary>
    private string ImportsSentence()
    {
        var (read, added, rejected) = (Imports.Sum(i => i.StudiesRead), Imports.Sum(i => i.StudiesNew), Imports.Sum(i => i.StudiesRejected));
        var unfinished = Imports.Where(i => i.Outcome != ImportOutcome.Succeeded).GroupBy(i => i.Outcome).Select(g => $"{g.Count()} {g.Key}").ToList();
        var what = added > 0 ? $"{Count(added, "trial")} first stored by imports from files" : "records imported from files";
        return $"The evidence database also holds {what} ({Count(Imports.Count, "import")} on {Days(Imports.Select(i => i.StartedAt))}"
            + (unfinished.Count > 0 ? $", of which {string.Join(", ", unfinished)}" : string.Empty)
            + $": {Count(read, "record")} read, {added} new, {Imports.Sum(i => i.StudiesChanged)} changed, {Imports.Sum(i => i.StudiesUnchanged)} unchanged"
            + (rejected > 0 ? $", {rejected} rejected" : string.Empty)
            + $"; see {ImportsHeading}), which are not part of this topic's search: Table 1 counts only the trials the topic's searches found.";
    }

    private ReportTable ImportTable() => new(
        ["Started (UTC)", "Paths", "Records read", "New", "Changed", "Unchanged", "Rejected", "Outcome"],
        [.. Imports.Select(i => (IReadOnlyList<string>)
        [
            Minute(i.StartedAt),
            string.Join("; ", i.Paths),
            .. new[] { i.StudiesRead, i.StudiesNew, i.StudiesChanged, i.StudiesUnchanged, i.StudiesRejected }.Select(n => n.ToString(CultureInfo.InvariantCulture)),
            i.Outcome,
        ])]);
}
