using System.Text;
using System.Text.RegularExpressions;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Changes;

/// <summary>
/// What a coordinator would call a change between two versions of one record, field by field
/// (<see cref="ChangeFields"/>), as short text. A version says only what it has: a status,
/// enrollment, date or sponsor the newer version leaves out is not a change to nothing (a trimmed
/// record or a <c>fields=</c> subset), while a reason for stopping that goes away is. Words that
/// only move (spacing, bullets, case of a site's name) are not changes.
/// </summary>
public static partial class ChangeDetector
{
    /// <summary>The longest text of one side of a change; a longer one is cut around where the two differ.</summary>
    public const int MaxText = 300;

    public static IReadOnlyList<FieldChange> Compare(StudyRecord older, StudyRecord newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var changes = new List<FieldChange>();
        if (newer.OverallStatus is not null)
        {
            Scalar(changes, ChangeFields.Status, StatusText(older), StatusText(newer));
        }

        Scalar(changes, ChangeFields.WhyStopped, older.WhyStopped, newer.WhyStopped);
        if (newer.EnrollmentCount is not null)
        {
            Scalar(changes, ChangeFields.EnrollmentCount, older.EnrollmentCount?.ToString(System.Globalization.CultureInfo.InvariantCulture), newer.EnrollmentCount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (newer.EnrollmentType is not null)
        {
            Scalar(changes, ChangeFields.EnrollmentType, RegistryLabels.EnrollmentType(older.EnrollmentType), RegistryLabels.EnrollmentType(newer.EnrollmentType));
        }

        Date(changes, ChangeFields.StartDate, (older.StartDate, older.StartDateType), (newer.StartDate, newer.StartDateType));
        Date(changes, ChangeFields.PrimaryCompletionDate, (older.PrimaryCompletionDate, older.PrimaryCompletionDateType), (newer.PrimaryCompletionDate, newer.PrimaryCompletionDateType));
        Date(changes, ChangeFields.CompletionDate, (older.CompletionDate, older.CompletionDateType), (newer.CompletionDate, newer.CompletionDateType));
        if (newer.Phases.Count > 0 || newer.StudyType is not null)
        {
            Scalar(changes, ChangeFields.Phase, RegistryLabels.Phase(older.Phases), RegistryLabels.Phase(newer.Phases));
        }

        if (newer.LeadSponsor is not null)
        {
            Scalar(changes, ChangeFields.Sponsor, older.LeadSponsor, newer.LeadSponsor);
        }

        Items(changes, ChangeFields.Interventions, older.Interventions, newer.Interventions, i => $"{Label(i.Type)}: {i.Name}", InterventionText);
        Items(changes, ChangeFields.Arms, older.ArmGroups, newer.ArmGroups, a => a.Label ?? string.Empty, ArmText);
        Items(changes, ChangeFields.PrimaryOutcomes, Kind(older, OutcomeKind.Primary), Kind(newer, OutcomeKind.Primary), o => o.Measure ?? string.Empty, OutcomeText);
        Items(changes, ChangeFields.SecondaryOutcomes, Kind(older, OutcomeKind.Secondary), Kind(newer, OutcomeKind.Secondary), o => o.Measure ?? string.Empty, OutcomeText);
        Items(changes, ChangeFields.Sites, older.Locations, newer.Locations, SiteText, SiteText);
        Eligibility(changes, older, newer);
        return changes;
    }

    private static void Scalar(List<FieldChange> changes, string field, string? older, string? newer)
    {
        if (!string.Equals(Squeeze(older), Squeeze(newer), StringComparison.Ordinal))
        {
            var (o, n) = Excerpts(older, newer);
            changes.Add(new FieldChange(field, o, n));
        }
    }

    private static void Date(List<FieldChange> changes, string field, (string? Date, string? Type) older, (string? Date, string? Type) newer)
    {
        if (newer.Date is not null)
        {
            Scalar(changes, field, DateText(older), DateText(newer));
        }
    }

    private static string? DateText((string? Date, string? Type) date) =>
        date.Date is null ? null : date.Type is null ? date.Date : $"{date.Date} ({RegistryLabels.Kind(date.Type)})";

    private static string? StatusText(StudyRecord record) =>
        record.OverallStatus == "UNKNOWN" && record.LastKnownStatus is { } last
            ? $"{RegistryLabels.Status(record.OverallStatus)} (last known: {RegistryLabels.Status(last)})"
            : RegistryLabels.Status(record.OverallStatus);

    /// <summary>
    /// A list's items matched by key (in order, for repeated keys): an item only in the older list
    /// was removed, only in the newer one added, in both with other text rewritten.
    /// </summary>
    private static void Items<T>(List<FieldChange> changes, string field, IReadOnlyList<T> older, IReadOnlyList<T> newer, Func<T, string> key, Func<T, string> text)
    {
        var unmatched = new Dictionary<string, Queue<T>>(StringComparer.Ordinal);
        foreach (var item in older)
        {
            var k = Key(key(item));
            if (!unmatched.TryGetValue(k, out var queue))
            {
                unmatched[k] = queue = new Queue<T>();
            }

            queue.Enqueue(item);
        }

        var added = new List<FieldChange>();
        foreach (var item in newer)
        {
            if (unmatched.TryGetValue(Key(key(item)), out var queue) && queue.TryDequeue(out var before))
            {
                if (!string.Equals(Key(text(before)), Key(text(item)), StringComparison.Ordinal))
                {
                    var (o, n) = Excerpts(text(before), text(item));
                    changes.Add(new FieldChange(field, o, n));
                }
            }
            else
            {
                added.Add(new FieldChange(field, null, Cut(text(item))));
            }
        }

        var removed = unmatched.Values.SelectMany(q => q).ToHashSet();
        changes.AddRange(older.Where(removed.Contains).Select(item => new FieldChange(field, Cut(text(item)), null)));
        changes.AddRange(added);
    }

    private static List<Outcome> Kind(StudyRecord record, string kind) => record.Outcomes.Where(o => o.Kind == kind).ToList();

    private static string InterventionText(Intervention i) =>
        Join($"{Label(i.Type)}: {i.Name}" + (i.OtherNames.Count > 0 ? $" ({string.Join(", ", i.OtherNames)})" : string.Empty), i.Description);

    private static string ArmText(ArmGroup a) =>
        Join($"{Label(a.Type)}: {a.Label}", a.Description) + (a.InterventionNames.Count > 0 ? $" [{string.Join("; ", a.InterventionNames)}]" : string.Empty);

    private static string OutcomeText(Outcome o) =>
        Join(o.Measure + (o.TimeFrame is null ? string.Empty : $" (time frame: {o.TimeFrame})"), o.Description);

    private static string SiteText(Location l) =>
        string.Join(", ", new[] { l.Facility, l.City, l.Country }.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string Join(string head, string? detail) => string.IsNullOrWhiteSpace(detail) ? head : $"{head}: {detail}";

    /// <summary>EXPERIMENTAL as "Experimental", DIETARY_SUPPLEMENT as "Dietary supplement".</summary>
    private static string Label(string? code) =>
        string.IsNullOrEmpty(code) ? "Other" : char.ToUpperInvariant(code[0]) + code[1..].ToLowerInvariant().Replace('_', ' ');

    /// <summary>
    /// Ages and sex as one text, and the criteria line by line: the lines the older version had
    /// and the newer one does not, against those the newer one added.
    /// </summary>
    private static void Eligibility(List<FieldChange> changes, StudyRecord older, StudyRecord newer)
    {
        if (newer.MinimumAge is not null || newer.MaximumAge is not null || newer.EligibilitySex is not null)
        {
            Scalar(changes, ChangeFields.Eligibility, Ages(older), Ages(newer));
        }

        if (newer.EligibilityCriteria is null)
        {
            return;
        }

        var before = CriteriaLines(older.EligibilityCriteria);
        var after = CriteriaLines(newer.EligibilityCriteria);
        var removed = before.Where(line => !after.HasKey(Key(line))).ToList();
        var added = after.Where(line => !before.HasKey(Key(line))).ToList();
        if (removed.Count > 0 || added.Count > 0)
        {
            changes.Add(new FieldChange(
                ChangeFields.Eligibility,
                removed.Count == 0 ? null : Cut("Removed: " + string.Join("; ", removed)),
                added.Count == 0 ? null : Cut("Added: " + string.Join("; ", added))));
        }
    }

    private static string? Ages(StudyRecord record)
    {
        var ages = (record.MinimumAge, record.MaximumAge) switch
        {
            (null, null) => null,
            ({ } min, null) => $"{min} and older",
            (null, { } max) => $"up to {max}",
            ({ } min, { } max) => $"{min} to {max}",
        };
        var sex = RegistryLabels.Kind(record.EligibilitySex);
        return ages is null ? sex : sex is null ? ages : $"{ages}, {sex}";
    }

    /// <summary>The criteria's lines without bullets, numbering or spacing; headings and blank lines left out.</summary>
    private static LineSet CriteriaLines(string? criteria)
    {
        var lines = new LineSet();
        foreach (var line in (criteria ?? string.Empty).Split('\n'))
        {
            var text = Squeeze(Bullet().Replace(line, string.Empty));
            if (text.Length > 0 && !text.EndsWith(':'))
            {
                lines.Add(text);
            }
        }

        return lines;
    }

    /// <summary>Lines in order, found by <see cref="Key"/>.</summary>
    private sealed class LineSet : List<string>
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

        public new void Add(string line)
        {
            if (_keys.Add(Key(line)))
            {
                base.Add(line);
            }
        }

        public bool HasKey(string key) => _keys.Contains(key);
    }

    private static string Key(string text) => Squeeze(text).ToUpperInvariant();

    /// <summary>Trimmed, with every run of white space one space.</summary>
    private static string Squeeze(string? text) => text is null ? string.Empty : Spaces().Replace(text.Trim(), " ");

    private static string? Cut(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var squeezed = Squeeze(text);
        return squeezed.Length <= MaxText ? squeezed : squeezed[..(MaxText - 1)].TrimEnd() + "…";
    }

    /// <summary>
    /// Both sides short enough to read: where either is too long, the words they share at the
    /// start and end are left out (marked "…"), keeping a little context before the difference.
    /// </summary>
    internal static (string? Older, string? Newer) Excerpts(string? older, string? newer)
    {
        var o = older is null ? null : Squeeze(older);
        var n = newer is null ? null : Squeeze(newer);
        if (o is null || n is null || (o.Length <= MaxText && n.Length <= MaxText))
        {
            return (Cut(o), Cut(n));
        }

        const int context = 40;
        var prefix = 0;
        while (prefix < o.Length && prefix < n.Length && o[prefix] == n[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < o.Length - prefix && suffix < n.Length - prefix && o[^(suffix + 1)] == n[^(suffix + 1)])
        {
            suffix++;
        }

        var from = Math.Max(0, WordStart(o, prefix - context));
        return (Middle(o, from, o.Length - suffix), Middle(n, from, n.Length - suffix));
    }

    private static string Middle(string text, int from, int to)
    {
        var end = Math.Min(text.Length, to + 20);
        var builder = new StringBuilder();
        if (from > 0)
        {
            builder.Append('…');
        }

        builder.Append(text, from, end - from);
        if (end < text.Length)
        {
            builder.Append('…');
        }

        return Cut(builder.ToString())!;
    }

    private static int WordStart(string text, int index)
    {
        if (index <= 0)
        {
            return 0;
        }

        var space = text.LastIndexOf(' ', index);
        return space < 0 ? 0 : space + 1;
    }

    [GeneratedRegex(@"^\s*(?:[*\-•·]+|\(?\d{1,2}[.)]|\(?[a-z][.)])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
