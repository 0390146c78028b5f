using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Changes;

/// <summary>
/// What a coordinator would call a change between two versions of one record, field by field
/// (<see cref="ChangeFields"/>), as short text. Only what both versions state is compared: what a
/// <c>fields=</c> subset or a trimmed record leaves out (a status, a list, a part of a list item)
/// is not a change to nothing, while between two whole records (<see cref="StudyRecord.Complete"/>)
/// a reason for stopping or a site that goes away is. Words that only move (spacing, bullets,
/// letter case) are not changes.
/// </summary>
public static partial class ChangeDetector
{
    /// <summary>The longest text of one side of a change; a longer one is cut around where the two differ.</summary>
    public const int MaxText = 300;

    public static IReadOnlyList<FieldChange> Compare(StudyRecord older, StudyRecord newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var whole = older.Complete && newer.Complete;
        var changes = new List<FieldChange>();
        Said(changes, ChangeFields.Status, StatusText(older), StatusText(newer));
        // A reason for stopping that goes away is a change, where both records are whole.
        if (whole || (older.WhyStopped is not null && newer.WhyStopped is not null))
        {
            Scalar(changes, ChangeFields.WhyStopped, older.WhyStopped, newer.WhyStopped);
        }

        Said(changes, ChangeFields.EnrollmentCount, Number(older.EnrollmentCount), Number(newer.EnrollmentCount));
        Said(changes, ChangeFields.EnrollmentType, RegistryLabels.EnrollmentType(older.EnrollmentType), RegistryLabels.EnrollmentType(newer.EnrollmentType));
        Date(changes, ChangeFields.StartDate, (older.StartDate, older.StartDateType), (newer.StartDate, newer.StartDateType));
        Date(changes, ChangeFields.PrimaryCompletionDate, (older.PrimaryCompletionDate, older.PrimaryCompletionDateType), (newer.PrimaryCompletionDate, newer.PrimaryCompletionDateType));
        Date(changes, ChangeFields.CompletionDate, (older.CompletionDate, older.CompletionDateType), (newer.CompletionDate, newer.CompletionDateType));
        if (whole || (older.Phases.Count > 0 && newer.Phases.Count > 0))
        {
            Scalar(changes, ChangeFields.Phase, RegistryLabels.Phase(older.Phases), RegistryLabels.Phase(newer.Phases));
        }

        Said(changes, ChangeFields.Sponsor, older.LeadSponsor, newer.LeadSponsor);
        Items(changes, ChangeFields.Interventions, older, newer, "interventions", r => r.Interventions, i => i.Name, InterventionParts, InterventionText);
        Items(changes, ChangeFields.Arms, older, newer, "armGroups", r => r.ArmGroups, a => a.Label, ArmParts, ArmText);
        Items(changes, ChangeFields.PrimaryOutcomes, older, newer, "primaryOutcomes", r => Kind(r, OutcomeKind.Primary), o => o.Measure, OutcomeParts, OutcomeText);
        Items(changes, ChangeFields.SecondaryOutcomes, older, newer, "secondaryOutcomes", r => Kind(r, OutcomeKind.Secondary), o => o.Measure, OutcomeParts, OutcomeText);
        Items(changes, ChangeFields.Sites, older, newer, "locations", r => r.Locations, SiteText, _ => [], SiteText);
        Eligibility(changes, older, newer, whole);
        return changes;
    }

    /// <summary>Compared only when both versions say it: a version that leaves it out (a subset, a trimmed record) does not change it to nothing.</summary>
    private static void Said(List<FieldChange> changes, string field, string? older, string? newer)
    {
        if (older is not null && newer is not null)
        {
            Scalar(changes, field, older, newer);
        }
    }

    private static void Scalar(List<FieldChange> changes, string field, string? older, string? newer)
    {
        if (!string.Equals(Squeeze(older), Squeeze(newer), StringComparison.Ordinal))
        {
            var (o, n) = Excerpts(older, newer);
            changes.Add(new FieldChange(field, o, n));
        }
    }

    private static string? Number(long? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A date and, where both versions state one, its type (actual or anticipated).</summary>
    private static void Date(List<FieldChange> changes, string field, (string? Date, string? Type) older, (string? Date, string? Type) newer)
    {
        var types = older.Type is not null && newer.Type is not null;
        Said(changes, field, DateText(older, types), DateText(newer, types));
    }

    private static string? DateText((string? Date, string? Type) date, bool withType) =>
        date.Date is null ? null : withType ? $"{date.Date} ({RegistryLabels.Kind(date.Type)})" : date.Date;

    private static string? StatusText(StudyRecord record) =>
        record.OverallStatus == "UNKNOWN" && record.LastKnownStatus is { } last
            ? $"{RegistryLabels.Status(record.OverallStatus)} (last known: {RegistryLabels.Status(last)})"
            : RegistryLabels.Status(record.OverallStatus);

    /// <summary>
    /// A list's items matched by key (in order, for repeated keys): an item only in the older list
    /// was removed, only in the newer one added, in both with other text rewritten. Compared only
    /// where both versions say what the list holds; of two matched items, only the parts both
    /// state are compared (a subset's intervention without its type is not a new intervention).
    /// </summary>
    private static void Items<T>(
        List<FieldChange> changes, string field, StudyRecord olderRecord, StudyRecord newerRecord, string list,
        Func<StudyRecord, IReadOnlyList<T>> items, Func<T, string?> key, Func<T, string?[]> parts, Func<T, string> text)
    {
        if (!olderRecord.Says(list) || !newerRecord.Says(list))
        {
            return;
        }

        var whole = olderRecord.Complete && newerRecord.Complete;
        var older = items(olderRecord);
        var unmatched = new Dictionary<string, Queue<T>>(StringComparer.Ordinal);
        foreach (var item in older)
        {
            var k = Key(key(item) ?? string.Empty);
            if (!unmatched.TryGetValue(k, out var queue))
            {
                unmatched[k] = queue = new Queue<T>();
            }

            queue.Enqueue(item);
        }

        var added = new List<FieldChange>();
        foreach (var item in items(newerRecord))
        {
            if (unmatched.TryGetValue(Key(key(item) ?? string.Empty), out var queue) && queue.TryDequeue(out var before))
            {
                if (parts(before).Zip(parts(item)).Any(p => Differs(p.First, p.Second, whole)))
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

    /// <summary>A part two versions state differently; one that only one of them states differs only between whole records.</summary>
    private static bool Differs(string? older, string? newer, bool whole) =>
        string.IsNullOrWhiteSpace(older) || string.IsNullOrWhiteSpace(newer)
            ? whole && string.IsNullOrWhiteSpace(older) != string.IsNullOrWhiteSpace(newer)
            : !string.Equals(Key(older), Key(newer), StringComparison.Ordinal);

    private static List<Outcome> Kind(StudyRecord record, string kind) => record.Outcomes.Where(o => o.Kind == kind).ToList();

    private static string?[] InterventionParts(Intervention i) =>
        [i.Type, i.OtherNames.Count > 0 ? string.Join(", ", i.OtherNames) : null, i.Description];

    private static string?[] ArmParts(ArmGroup a) =>
        [a.Type, a.Description, a.InterventionNames.Count > 0 ? string.Join("; ", a.InterventionNames) : null];

    private static string?[] OutcomeParts(Outcome o) => [o.TimeFrame, o.Description];

    private static string InterventionText(Intervention i) =>
        Join((i.Type is null ? string.Empty : Label(i.Type) + ": ") + i.Name + (i.OtherNames.Count > 0 ? $" ({string.Join(", ", i.OtherNames)})" : string.Empty), i.Description);

    private static string ArmText(ArmGroup a) =>
        Join((a.Type is null ? string.Empty : Label(a.Type) + ": ") + a.Label, a.Description) + (a.InterventionNames.Count > 0 ? $" [{string.Join("; ", a.InterventionNames)}]" : string.Empty);

    private static string OutcomeText(Outcome o) =>
        Join(o.Measure + (o.TimeFrame is null ? string.Empty : $" (time frame: {o.TimeFrame})"), o.Description);

    private static string Join(string head, string? detail) => string.IsNullOrWhiteSpace(detail) ? head : $"{head}: {detail}";

    private static string SiteText(Location l) =>
        string.Join(", ", new[] { l.Facility, l.City, l.Country }.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>EXPERIMENTAL as "Experimental", DIETARY_SUPPLEMENT as "Dietary supplement".</summary>
    private static string Label(string code) =>
        code.Length == 0 ? code : char.ToUpperInvariant(code[0]) + code[1..].ToLowerInvariant().Replace('_', ' ');

    /// <summary>
    /// Ages and sex as one text, and the criteria line by line: the lines the older version had
    /// and the newer one does not, against those the newer one added.
    /// </summary>
    private static void Eligibility(List<FieldChange> changes, StudyRecord older, StudyRecord newer, bool whole)
    {
        // Between a subset and a record, only what both state: the same of the two ages and sex.
        static (bool, bool, bool) Stated(StudyRecord r) => (r.MinimumAge is null, r.MaximumAge is null, r.EligibilitySex is null);
        if (whole || (Ages(older) is not null && Stated(older) == Stated(newer)))
        {
            Scalar(changes, ChangeFields.Eligibility, Ages(older), Ages(newer));
        }

        if (older.EligibilityCriteria is null || newer.EligibilityCriteria is null)
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

    /// <summary>
    /// Trimmed, with every run of white space one space, and without characters XML cannot hold
    /// (control characters registry text sometimes has): changes go into Atom feeds and webhooks.
    /// </summary>
    private static string Squeeze(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i++, 2);
            }
        }

        return Spaces().Replace(clean.ToString().Trim(), " ");
    }

    /// <summary>The first <paramref name="length"/> characters, one fewer where that would split a surrogate pair.</summary>
    private static string Prefix(string text, int length) =>
        text[..(length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];

    private static string? Cut(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var squeezed = Squeeze(text);
        return squeezed.Length <= MaxText ? squeezed : Prefix(squeezed, MaxText - 1).TrimEnd() + "…";
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
        end = end < text.Length && char.IsLowSurrogate(text[end]) ? end + 1 : end;
        from = from > 0 && char.IsLowSurrogate(text[from]) ? from - 1 : from;
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
