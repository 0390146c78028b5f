using System.Text.RegularExpressions;

namespace TrialEvidence.Data.Studies;

/// <summary>
/// Trial identifiers of the registries the product reads, directly or through the WHO ICTRP
/// portal, and the registry each belongs to. A study is keyed by its registry's id as that
/// registry writes it: "NCT03482102", "ChiCTR2000034346" (or the older "ChiCTR-TRC-12002345"),
/// "EUCTR2005-002909-23-PT" (the EudraCT number and the member state's record, as ICTRP writes it).
/// </summary>
public static partial class RegistryId
{
    public const string ClinicalTrialsGov = "ClinicalTrials.gov";
    public const string ChiCtr = "ChiCTR";
    public const string EuCtr = "EUCTR";

    /// <summary>
    /// The registries whose ids are recognised, by the id's shape: ICTRP's primary registries
    /// (the names are those of ICTRP's Source_Register) and ClinicalTrials.gov.
    /// </summary>
    private static readonly (string Registry, Regex Shape)[] Shapes =
    [
        (ClinicalTrialsGov, NctShape()),
        (ChiCtr, ChiCtrShape()),
        (EuCtr, EuCtrShape()),
        ("ISRCTN", new Regex(@"^ISRCTN[0-9]{8}\z", RegexOptions.CultureInvariant)),
        ("ANZCTR", new Regex(@"^ACTRN[0-9]{14}\z", RegexOptions.CultureInvariant)),
        ("CTRI", new Regex(@"^CTRI/[0-9]{4}/[0-9]{2,3}/[0-9]{6}\z", RegexOptions.CultureInvariant)),
        ("DRKS", new Regex(@"^DRKS[0-9]{8}\z", RegexOptions.CultureInvariant)),
        ("JPRN", new Regex(@"^JPRN-[A-Za-z]+[0-9]+\z", RegexOptions.CultureInvariant)),
        ("CRIS", new Regex(@"^KCT[0-9]{7}\z", RegexOptions.CultureInvariant)),
        ("IRCT", new Regex(@"^IRCT[0-9A-Z]{6,30}\z", RegexOptions.CultureInvariant)),
        ("PACTR", new Regex(@"^PACTR[0-9]{15}\z", RegexOptions.CultureInvariant)),
        ("TCTR", new Regex(@"^TCTR[0-9]{11}\z", RegexOptions.CultureInvariant)),
        ("REBEC", new Regex(@"^RBR-[0-9a-z]{6,8}\z", RegexOptions.CultureInvariant)),
        ("NTR", new Regex(@"^(NTR|NL)[0-9]{1,6}\z", RegexOptions.CultureInvariant)),
    ];

    /// <summary>The registries <see cref="RegistryOf"/> names, in a fixed order (ClinicalTrials.gov first).</summary>
    public static IReadOnlyList<string> Registries { get; } = [.. Shapes.Select(s => s.Registry)];

    /// <summary>The registry that issues ids of this shape, or null for an id of no known registry.</summary>
    public static string? RegistryOf(string? id) =>
        id is null || id.Length > 64 ? null : Shapes.FirstOrDefault(s => s.Shape.IsMatch(id)).Registry;

    public static bool IsValid(string? id) => RegistryOf(id) is not null;

    /// <summary>
    /// Whether <paramref name="id"/> can be a trial id of some registry: one of a known registry's
    /// shape, or, with a prefix no known registry uses, letters, then letters, digits and "-/._"
    /// with a run of at least four digits (at most 64 characters in all). A registry ICTRP carries
    /// and <see cref="RegistryOf"/> does not know ("LBCTR2019...") still gives ids of this shape;
    /// "NCT123" and "DROP" are no registry's.
    /// </summary>
    public static bool IsPlausible(string? id) =>
        id is not null && (IsValid(id) || (PlausibleShape().IsMatch(id) && !KnownPrefixes.Any(p => id.StartsWith(p, StringComparison.OrdinalIgnoreCase))));

    /// <summary>Prefixes whose ids must have their registry's shape.</summary>
    private static readonly string[] KnownPrefixes = ["NCT", "ChiCTR", "EUCTR", "ISRCTN", "ACTRN", "DRKS", "CTRI", "KCT", "PACTR", "TCTR"];

    /// <summary>
    /// An id as typed (any case, as in a URL) in the case its registry writes it: an id of a known
    /// shape as typed ("JPRN-jRCTs031190006", "EUCTR2011-005852-33-3rd"), else upper-cased where
    /// that gives one ("nct03482102", "chictr2000034346" as "ChiCTR2000034346"). Null when it is no
    /// registry's id.
    /// </summary>
    public static string? Canonical(string? typed)
    {
        if (typed is null || typed.Length > 64)
        {
            return null;
        }

        var trimmed = typed.Trim();
        if (IsValid(trimmed))
        {
            return trimmed;
        }

        var upper = trimmed.ToUpperInvariant();
        var chictr = upper.StartsWith("CHICTR", StringComparison.Ordinal) ? "ChiCTR" + upper[6..] : upper;
        return IsValid(chictr) ? chictr : null;
    }

    /// <summary>
    /// The record's public page: ClinicalTrials.gov's own, and for other registries the WHO ICTRP
    /// trial page (ChiCTR's pages are addressed by an internal number, not the trial id).
    /// </summary>
    public static string RegistryUrl(string id) =>
        RegistryOf(id) == ClinicalTrialsGov
            ? NctId.RegistryUrl(id)
            : $"https://trialsearch.who.int/Trial2.aspx?TrialID={Uri.EscapeDataString(id)}";

    [GeneratedRegex(@"^(?=.{4,64}\z)[A-Za-z]{2,}[A-Za-z0-9/._-]*[0-9]{4}[A-Za-z0-9/._-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlausibleShape();

    [GeneratedRegex(@"^NCT[0-9]{8}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NctShape();

    [GeneratedRegex(@"^ChiCTR(-[A-Z]{2,4}-)?[0-9]{8,10}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ChiCtrShape();

    [GeneratedRegex(@"^EUCTR[0-9]{4}-[0-9]{6}-[0-9]{2}-([A-Z]{2}|3RD|3rd|Outside-EU/EEA)\z", RegexOptions.CultureInvariant)]
    private static partial Regex EuCtrShape();
}
