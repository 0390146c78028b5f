using System.Xml;
using System.Xml.Linq;
using TrialEvidence.Data.Registry;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Registries;

/// <summary>
/// Reads the WHO ICTRP "Export results to XML" file (root <c>Trials_downloaded_from_ICTRP</c>,
/// one <c>Trial</c> element per registry record, from ChiCTR, ClinicalTrials.gov and others),
/// streamed one trial at a time. ICTRP gives lists as ";"-separated text, ChiCTR's by group
/// ("Experimental group:50;Control group:50;": the enrollment is their sum, the groups kept;
/// "Experimental group:drug;": an arm and what it gives), criteria with HTML line breaks, and no
/// sites (countries only). What it writes in words that are not exactly one of ClinicalTrials.gov's
/// codes stays in the registry's words (status "Not Recruiting"; phase "0").
/// </summary>
public static class WhoIctrpXml
{
    public const string Format = "WHO ICTRP XML export";

    /// <summary>Every record of the export is a copy the portal made of its registry's.</summary>
    public const string Portal = "WHO ICTRP";

    /// <summary>The root element that marks the format, read by content, not by file name.</summary>
    public const string RootElement = "Trials_downloaded_from_ICTRP";

    /// <summary>The trials of an export with the line each starts on, streamed one element at a time.</summary>
    /// <exception cref="XmlException">The file is not well-formed XML (with its line and position), is not an ICTRP export, or holds a Trial without an id.</exception>
    public static IEnumerable<(RegisteredTrial Trial, int Line)> ReadTrials(Stream xml) =>
        RegistryXml.ReadTrials(xml, "a WHO ICTRP export", RootElement, "Trial", Trial);

    /// <summary>The trials as the records the import stores (see <see cref="RegisteredTrialJson"/>).</summary>
    public static IEnumerable<StudyJson> ReadStudies(Stream xml) =>
        ReadTrials(xml).Select((t, i) => RegisteredTrialJson.ToStudyJson(t.Trial, i, t.Line));

    /// <summary>The trials as the normaliser reads them, through the same JSON the import stores.</summary>
    public static IEnumerable<StudyRecord> Read(Stream xml) =>
        ReadStudies(xml).Select(study => StudyRecordParser.Parse(study.Utf8.ToArray()));

    private static RegisteredTrial Trial(XElement trial, int line, int position)
    {
        string? Text(string name) => trial.Element(name)?.Value is { } value && RegistryFields.Clean(value) is { Length: > 0 } clean ? clean : null;
        var id = Text("TrialID") ?? throw new XmlException("a Trial without a TrialID", null, line, position);
        // The registry by the id's shape where it is a known registry's: ICTRP names some by their
        // full title ("EU Clinical Trials Register", "German Clinical Trials Register").
        var registry = RegistryId.RegistryOf(id) ?? Text("Source_Register")
            ?? throw new XmlException($"the Trial {id} names no Source_Register", null, line, position);
        var (count, groups) = RegistryFields.SampleSize(Text("Target_size"));
        var (interventions, arms) = RegistryFields.InterventionsAndArms(Text("Intervention"));
        var status = Text("Recruitment_Status");
        return new RegisteredTrial
        {
            Id = id,
            Registry = registry,
            Format = Format,
            Via = Portal,
            Document = trial.ToString(SaveOptions.DisableFormatting),
            Url = Text("web_address"),
            SecondaryIds = RegistryFields.List(Text("Secondary_ID")),
            BriefTitle = Text("Public_title"),
            OfficialTitle = Text("Scientific_title"),
            Acronym = Text("Acronym"),
            RegistryStatus = status,
            OverallStatus = RegistryFields.OverallStatus(status),
            EnrollmentCount = count,
            EnrollmentGroups = groups,
            StartDate = RegistryFields.Date(Text("Date_enrollement")),
            RegistrationDate = RegistryFields.Date(Text("Date_registration")),
            LastUpdateDate = RegistryFields.Date(Text("Last_Refreshed_on")),
            Sponsor = Text("Primary_sponsor"),
            SecondarySponsors = RegistryFields.List(Text("Secondary_sponsor")),
            StudyType = RegistryFields.StudyType(Text("Study_type")),
            Phases = RegistryFields.Phases(Text("Phase")),
            Conditions = RegistryFields.List(Text("Condition")),
            Interventions = interventions,
            Arms = arms,
            PrimaryOutcomes = [.. RegistryFields.List(Text("Primary_outcome")).Select(m => new RegisteredOutcome(m))],
            SecondaryOutcomes = [.. RegistryFields.List(Text("Secondary_outcome")).Select(m => new RegisteredOutcome(m))],
            InclusionCriteria = RegistryFields.WithoutHeading(Text("Inclusion_Criteria"), "Inclusion criteria"),
            ExclusionCriteria = RegistryFields.WithoutHeading(Text("Exclusion_Criteria"), "Exclusion criteria"),
            Sex = RegistryFields.Sex(Text("Inclusion_gender")),
            MinimumAge = RegistryFields.Age(Text("Inclusion_agemin")),
            MaximumAge = RegistryFields.Age(Text("Inclusion_agemax")),
            Countries = RegistryFields.List(Text("Countries")),
        };
    }
}
