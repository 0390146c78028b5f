namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// The paths of a ClinicalTrials.gov record's free-text fields, as every normalised value cites
/// its source (<see cref="TermSource.SourceField"/>).
/// </summary>
internal static class RecordFields
{
    public const string BriefTitle = "identificationModule.briefTitle";

    public const string OfficialTitle = "identificationModule.officialTitle";

    public const string BriefSummary = "descriptionModule.briefSummary";

    public const string DetailedDescription = "descriptionModule.detailedDescription";

    public const string EligibilityCriteria = "eligibilityModule.eligibilityCriteria";

    /// <summary>The record's brief and official titles, with their fields.</summary>
    public static (string Field, string? Text)[] Titles(Studies.StudyRecord record) =>
        [(BriefTitle, record.BriefTitle), (OfficialTitle, record.OfficialTitle)];

    /// <summary>Whether a field is one of the record's titles.</summary>
    public static bool IsTitle(string field) => field.StartsWith("identificationModule.", StringComparison.Ordinal);
}
