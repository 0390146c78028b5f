using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Registries;

/// <summary>
/// Reads the WHO ICTRP "Export results to XML" file (root <c>Trials_downloaded_from_ICTRP</c>,
/// one <c>Trial</c> element per registry record, from ChiCTR, ClinicalTrials.gov and others)
/// into the same <see cref="StudyRecord"/> the normaliser reads: titles, sponsor, conditions,
/// interventions, primary outcomes, criteria and study type, each as the registry wrote it.
/// ICTRP gives lists as text, ";"-separated (ChiCTR: "group:drug;group:drug;"), and criteria with
/// HTML line breaks; it has no arms, MeSH terms or sites.
/// </summary>
public static partial class WhoIctrpXml
{
    /// <summary>The trials of an export, streamed one element at a time.</summary>
    /// <exception cref="XmlException">The file is not well-formed XML.</exception>
    public static IEnumerable<StudyRecord> Read(Stream xml)
    {
        using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        reader.MoveToContent();
        while (reader.Read())
        {
            while (reader.NodeType == XmlNodeType.Element && reader.Name == "Trial")
            {
                yield return Trial((XElement)XNode.ReadFrom(reader));
            }
        }
    }

    private static StudyRecord Trial(XElement trial)
    {
        string? Text(string name) => trial.Element(name)?.Value is { } value && value.Trim().Length > 0 ? Clean(value) : null;
        var id = Text("TrialID") ?? throw new XmlException("a Trial without a TrialID");
        var interventions = List(Text("Intervention"));
        var inclusion = Text("Inclusion_Criteria");
        var exclusion = Text("Exclusion_Criteria");
        return new StudyRecord
        {
            NctId = id,
            BriefTitle = Text("Public_title"),
            OfficialTitle = Text("Scientific_title"),
            LeadSponsor = Text("Primary_sponsor"),
            StudyType = StudyType(Text("Study_type")),
            Conditions = List(Text("Condition")),
            Interventions = [.. interventions.Select((name, i) => new Intervention(id, i, null, name, null, [], []))],
            Outcomes = [.. List(Text("Primary_outcome")).Select((measure, i) => new Outcome(id, OutcomeKind.Primary, i, measure, null, null))],
            EligibilityCriteria = inclusion is null && exclusion is null ? null : $"{inclusion}\nExclusion Criteria:\n{exclusion}",
        };
    }

    /// <summary>ICTRP's study types ("Interventional study", "Observational [Patient Registry]") as the v2 API's.</summary>
    private static string? StudyType(string? type) => type switch
    {
        null => null,
        _ when type.StartsWith("Interventional", StringComparison.OrdinalIgnoreCase) || type.Contains("Treatment", StringComparison.OrdinalIgnoreCase)
            || type.Contains("Prevention", StringComparison.OrdinalIgnoreCase) => "INTERVENTIONAL",
        _ when type.StartsWith("Observational", StringComparison.OrdinalIgnoreCase) || type.StartsWith("Epidemi", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("Prognosis", StringComparison.OrdinalIgnoreCase) || type.StartsWith("Diagnostic", StringComparison.OrdinalIgnoreCase) => "OBSERVATIONAL",
        _ => type,
    };

    private static List<string> List(string? text) =>
        text is null ? [] : [.. text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The text without ICTRP's HTML line breaks and runs of blanks.</summary>
    private static string Clean(string text) => Blanks().Replace(Breaks().Replace(text, "\n"), " ").Trim();

    [GeneratedRegex(@"\s*<br\s*/?>\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Blanks();
}
