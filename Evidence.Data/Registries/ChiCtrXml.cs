using System.Xml;
using System.Xml.Linq;
using TrialEvidence.Data.Registry;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Registries;

/// <summary>
/// Reads the XML a ChiCTR trial page links for download on the registry's older site (root
/// <c>trials</c>, one <c>Triall</c> element per trial, spelt so by the registry): the WHO trial
/// registration data set, the fields ICTRP's export carries for ChiCTR, under their data-set
/// names (<c>main/public_title</c>, <c>criteria/agemin</c>, <c>secondary_ids/secondary_id/sec_id</c>).
/// Sample sizes and interventions come per group as in ICTRP's export
/// (<see cref="RegistryFields.SampleSize"/>); the record names countries, not sites.
/// </summary>
public static class ChiCtrXml
{
    public const string Format = "ChiCTR XML export";

    /// <summary>The element of one trial, which marks the format (read by content, not by file name).</summary>
    public const string TrialElement = "Triall";

    /// <summary>The trials of a download with the line each starts on, streamed one element at a time.</summary>
    /// <exception cref="XmlException">The file is not well-formed XML (with its line and position), is not a ChiCTR download, or holds a trial without an id.</exception>
    public static IEnumerable<(RegisteredTrial Trial, int Line)> ReadTrials(Stream xml) =>
        RegistryXml.ReadTrials(xml, "a ChiCTR XML download", "trials", TrialElement, Trial);

    /// <summary>The trials as the records the import stores (see <see cref="RegisteredTrialJson"/>).</summary>
    public static IEnumerable<StudyJson> ReadStudies(Stream xml) =>
        ReadTrials(xml).Select((t, i) => RegisteredTrialJson.ToStudyJson(t.Trial, i, t.Line));

    private static RegisteredTrial Trial(XElement trial, int line, int position)
    {
        string? Text(XElement? element) => element?.Value is { } value && RegistryFields.Clean(value) is { Length: > 0 } clean ? clean : null;
        var main = trial.Element("main");
        var criteria = trial.Element("criteria");
        string? Main(string name) => Text(main?.Element(name));
        List<string> Each(string list, string item, string? inner = null) =>
            [.. trial.Elements(list).Elements(item).Select(e => inner is null ? e : e.Element(inner)).SelectMany(e => RegistryFields.List(Text(e)))];

        var id = Main("trial_id") ?? throw new XmlException($"a {TrialElement} without a trial_id", null, line, position);
        var (count, groups) = RegistryFields.SampleSize(Main("target_size"));
        var (interventions, arms) = RegistryFields.InterventionsAndArms(Main("i_freetext"));
        var status = Main("recruitment_status");
        return new RegisteredTrial
        {
            Id = id,
            Registry = RegistryId.ChiCtr,
            Format = Format,
            Document = trial.ToString(SaveOptions.DisableFormatting),
            Url = Main("url"),
            SecondaryIds = Each("secondary_ids", "secondary_id", "sec_id"),
            BriefTitle = Main("public_title"),
            OfficialTitle = Main("scientific_title"),
            Acronym = Main("acronym"),
            RegistryStatus = status,
            OverallStatus = RegistryFields.OverallStatus(status),
            EnrollmentCount = count,
            EnrollmentGroups = groups,
            StartDate = RegistryFields.Date(Main("date_enrolment")),
            RegistrationDate = RegistryFields.Date(Main("date_registration")),
            Sponsor = Main("primary_sponsor"),
            SecondarySponsors = Each("secondary_sponsor", "sponsor_name"),
            StudyType = RegistryFields.StudyType(Main("study_type")),
            Phases = RegistryFields.Phases(Main("phase")),
            Conditions = RegistryFields.List(Main("hc_freetext")),
            Interventions = interventions,
            Arms = arms,
            PrimaryOutcomes = [.. Each("primary_outcome", "prim_outcome").Select(m => new RegisteredOutcome(m))],
            SecondaryOutcomes = [.. Each("secondary_outcome", "sec_outcome").Select(m => new RegisteredOutcome(m))],
            InclusionCriteria = Text(criteria?.Element("inclusion_criteria")),
            ExclusionCriteria = Text(criteria?.Element("exclusion_criteria")),
            Sex = RegistryFields.Sex(Text(criteria?.Element("gender"))),
            MinimumAge = RegistryFields.Age(Text(criteria?.Element("agemin"))),
            MaximumAge = RegistryFields.Age(Text(criteria?.Element("agemax"))),
            Countries = Each("countries", "country2"),
        };
    }
}
