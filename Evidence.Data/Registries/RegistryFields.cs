using System.Globalization;
using System.Text.RegularExpressions;

namespace TrialEvidence.Data.Registries;

/// <summary>
/// What registries write in words, read as ClinicalTrials.gov's API v2 writes it, for every
/// registry reader: statuses and phases as codes only where the words say exactly that, dates,
/// ages, sexes, and the WHO trial registration data set's ";"-separated lists (ICTRP's export and
/// ChiCTR's own XML write sample sizes and interventions per group in them).
/// </summary>
internal static partial class RegistryFields
{
    /// <summary>"Both", "All", "Female", "Male" (and words starting so) as ClinicalTrials.gov's ALL, FEMALE, MALE.</summary>
    internal static string? Sex(string? gender) => gender switch
    {
        { } g when g.StartsWith("Both", StringComparison.OrdinalIgnoreCase) || g.Equals("All", StringComparison.OrdinalIgnoreCase) => "ALL",
        { } g when g.StartsWith("Female", StringComparison.OrdinalIgnoreCase) => "FEMALE",
        { } g when g.StartsWith("Male", StringComparison.OrdinalIgnoreCase) => "MALE",
        _ => null,
    };

    /// <summary>
    /// The target size: a number, or ChiCTR's groups ("Experimental group:50;Control group:50;"),
    /// whose sum is the trial's. A group whose size is not a number leaves the sum unknown.
    /// </summary>
    internal static (long? Count, List<SampleGroup> Groups) SampleSize(string? text)
    {
        if (text is null)
        {
            return (null, []);
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var single))
        {
            return (single, []);
        }

        var groups = new List<SampleGroup>();
        foreach (var item in List(text))
        {
            var colon = item.LastIndexOf(':');
            if (colon < 0 || !long.TryParse(item[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return (null, groups);
            }

            groups.Add(new SampleGroup(item[..colon].Trim(), size));
        }

        // A sum past any real trial's size (it overflows) is no sum.
        long? sum = 0;
        foreach (var group in groups)
        {
            sum = sum is { } so_far && so_far <= long.MaxValue - group.Count ? so_far + group.Count : null;
        }

        return (groups.Count == 0 ? null : sum, groups);
    }

    /// <summary>
    /// ClinicalTrials.gov's records as ICTRP lists them ("Drug: Remdesivir;Drug: Placebo"): each an
    /// intervention of that type. ChiCTR's ("Experimental group:camrelizumab and SBRT;Control
    /// group:TACE;"): each an arm and the intervention it gives, one intervention per distinct text.
    /// </summary>
    /// <summary>What a registry writes for a group given no intervention.</summary>
    private static readonly HashSet<string> NoIntervention = new(["N/A", "NA", "n/a", "None", "none", "Nil", "nil", "无"], StringComparer.Ordinal);

    internal static (List<RegisteredIntervention> Interventions, List<RegisteredArm> Arms) InterventionsAndArms(string? text)
    {
        var interventions = new List<RegisteredIntervention>();
        var arms = new List<RegisteredArm>();
        foreach (var item in List(text))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var label = colon > 0 ? item[..colon].Trim() : null;
            var given = colon > 0 ? item[(colon + 1)..].Trim() : item;
            if (label is not null && InterventionTypes.TryGetValue(label, out var type))
            {
                interventions.Add(new RegisteredIntervention(given, type));
            }
            else if (label is not null && label.Length <= 80 && NoIntervention.Contains(given))
            {
                // A group given nothing ("2019 Y:N/A", "died:none": a survey, a registry): an arm, no intervention.
                arms.Add(new RegisteredArm(label));
            }
            else if (label is not null && label.Length <= 80 && given.Length > 0)
            {
                AddArm(interventions, arms, label, given);
            }
            else
            {
                interventions.Add(new RegisteredIntervention(item));
            }
        }

        return (interventions, arms);
    }

    /// <summary>An arm (a ChiCTR group) and the intervention it gives, one intervention per distinct text, naming every arm that gives it.</summary>
    internal static void AddArm(List<RegisteredIntervention> interventions, List<RegisteredArm> arms, string label, string given)
    {
        arms.Add(new RegisteredArm(label, Interventions: [given]));
        var index = interventions.FindIndex(i => i.Name == given);
        if (index < 0)
        {
            interventions.Add(new RegisteredIntervention(given, Arms: [label]));
        }
        else
        {
            interventions[index] = interventions[index] with { Arms = [.. interventions[index].Arms ?? [], label] };
        }
    }

    internal static readonly Dictionary<string, string> InterventionTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Drug"] = "DRUG", ["Biological"] = "BIOLOGICAL", ["Radiation"] = "RADIATION", ["Procedure"] = "PROCEDURE",
        ["Device"] = "DEVICE", ["Behavioral"] = "BEHAVIORAL", ["Dietary Supplement"] = "DIETARY_SUPPLEMENT",
        ["Genetic"] = "GENETIC", ["Diagnostic Test"] = "DIAGNOSTIC_TEST", ["Combination Product"] = "COMBINATION_PRODUCT", ["Other"] = "OTHER",
    };

    /// <summary>The status as ClinicalTrials.gov's code where the words say exactly that; "Not recruiting" may be before or after recruitment, so it has none.</summary>
    internal static string? OverallStatus(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        "RECRUITING" => "RECRUITING",
        "COMPLETED" => "COMPLETED",
        "SUSPENDED" => "SUSPENDED",
        "TERMINATED" => "TERMINATED",
        "WITHDRAWN" => "WITHDRAWN",
        "NOT YET RECRUITING" => "NOT_YET_RECRUITING",
        "ACTIVE, NOT RECRUITING" => "ACTIVE_NOT_RECRUITING",
        "ENROLLING BY INVITATION" => "ENROLLING_BY_INVITATION",
        _ => null,
    };

    /// <summary>ICTRP's study types ("Interventional study", "Observational [Patient Registry]") as the v2 API's; other words as written.</summary>
    internal static string? StudyType(string? type) => type switch
    {
        null => null,
        _ when type.StartsWith("Interventional", StringComparison.OrdinalIgnoreCase) || type.Contains("Treatment", StringComparison.OrdinalIgnoreCase)
            || type.Contains("Prevention", StringComparison.OrdinalIgnoreCase) => "INTERVENTIONAL",
        _ when type.StartsWith("Observational", StringComparison.OrdinalIgnoreCase) || type.StartsWith("Epidemi", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("Prognosis", StringComparison.OrdinalIgnoreCase) || type.StartsWith("Diagnostic", StringComparison.OrdinalIgnoreCase) => "OBSERVATIONAL",
        _ => type,
    };

    /// <summary>"Phase 2", "2", "Phase 1/Phase 2", "N/A", "Early Phase 1" as ClinicalTrials.gov's codes; ChiCTR's "0" and other words have none.</summary>
    internal static List<string> Phases(string? phase)
    {
        if (phase is null)
        {
            return [];
        }

        if (phase.Contains("Early Phase 1", StringComparison.OrdinalIgnoreCase))
        {
            return ["EARLY_PHASE1"];
        }

        if (phase.Trim() is "N/A" or "Not Applicable" or "Not applicable")
        {
            return ["NA"];
        }

        var codes = PhaseNumber().Matches(phase).Select(m => m.Groups[1].Value switch
        {
            "1" or "I" => "PHASE1",
            "2" or "II" => "PHASE2",
            "3" or "III" => "PHASE3",
            "4" or "IV" => "PHASE4",
            _ => null,
        }).OfType<string>().Distinct().ToList();
        return codes;
    }

    /// <summary>A date as yyyy-MM-dd (or yyyy-MM): ISO, "30/08/2007", "17 February 2020", "January 1996"; null when it is none of these.</summary>
    internal static string? Date(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string[] days = ["yyyy-MM-dd", "dd/MM/yyyy", "d MMMM yyyy", "MMMM d, yyyy", "yyyyMMdd"];
        if (DateOnly.TryParseExact(text, days, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return DateOnly.TryParseExact(text, ["MMMM yyyy", "yyyy-MM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>"18" or "18 Years" as "18 Years"; "N/A", "no limit" and the like say no limit.</summary>
    internal static string? Age(string? text) =>
        text is null ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var years) ? $"{years} Years"
        : AgeWithUnit().IsMatch(text) ? text
        : null;

    internal static string? WithoutHeading(string? criteria, string heading) =>
        criteria is not null && criteria.StartsWith(heading + ":", StringComparison.OrdinalIgnoreCase) && criteria[(heading.Length + 1)..].Trim() is { Length: > 0 } rest
            ? rest
            : criteria;

    internal static List<string> List(string? text) =>
        text is null ? [] : [.. text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The text without ICTRP's HTML line breaks and runs of blanks.</summary>
    internal static string Clean(string text) => Blanks().Replace(Breaks().Replace(text, "\n"), " ").Trim();

    [GeneratedRegex(@"\s*<br\s*/?>\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Blanks();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(1|2|3|4|IV|III|II|I)(?![0-9A-Za-z])")]
    private static partial Regex PhaseNumber();

    [GeneratedRegex(@"^[0-9]+ (Year|Years|Month|Months|Week|Weeks|Day|Days)\z", RegexOptions.IgnoreCase)]
    private static partial Regex AgeWithUnit();
}
