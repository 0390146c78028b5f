using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// Which interventions each arm gives, worked out once per record: an intervention belongs to
/// an arm when it lists the arm's label, or the arm lists it as "Type: Name". In a record that
/// links no intervention to any arm, an intervention named as an arm is labelled ("Conventional
/// arm" and the arm "Conventional arm") belongs to it.
/// </summary>
internal sealed class ArmMembership
{
    private readonly Dictionary<int, List<ArmGroup>> _armsOf = [];

    public ArmMembership(StudyRecord record)
    {
        var armEntries = record.ArmGroups.ToDictionary(a => a.Ordinal, a => a.InterventionNames.Select(EntryName).ToList());
        var unlinked = record.Interventions.All(i => i.ArmGroupLabels.Count == 0) && armEntries.Values.All(e => e.Count == 0);
        foreach (var intervention in record.Interventions)
        {
            var labels = intervention.ArmGroupLabels;
            var name = intervention.Name?.Trim();
            _armsOf[intervention.Ordinal] = record.ArmGroups.Where(arm =>
                    (arm.Label is not null && labels.Contains(arm.Label, StringComparer.OrdinalIgnoreCase))
                    || (name is not null && armEntries[arm.Ordinal].Contains(name, StringComparer.OrdinalIgnoreCase))
                    || (unlinked && name is { Length: > 0 } && string.Equals(arm.Label?.Trim(), name, StringComparison.OrdinalIgnoreCase)))
                .ToList();
        }
    }

    public IReadOnlyList<ArmGroup> ArmsOf(Intervention intervention) => _armsOf[intervention.Ordinal];

    /// <summary>"Drug: Nivolumab" names the intervention "Nivolumab".</summary>
    private static string EntryName(string entry)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? entry[(colon + 1)..] : entry).Trim();
    }
}
