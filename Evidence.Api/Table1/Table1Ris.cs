using System.Text;
using System.Text.RegularExpressions;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Table1;

/// <summary>
/// Table 1 as RIS: one record a trial, in the table's order, for reference managers and screening
/// tools (Covidence, Rayyan, EndNote, Zotero). Only the trials found are records: an id asked for
/// but not stored is named in the X-Trials-Not-Found header, as for every format, never as a
/// pseudo-record a reference manager would import as a reference.
/// </summary>
/// <remarks>
/// The tags follow ClinicalTrials.gov's own RIS download (its API's format=ris, tags listed on its
/// "RIS Download" page, data-api/about-api/ris-download, which ../shared/ctgov/ctg-oas-v2.yaml
/// points to). That page is not stored here; its tag set was read from a public re-implementation
/// of it (a TypeScript ClinicalTrials.gov client's RISExporter): TY DBASE, DP National Library of
/// Medicine (US), ID and AN the NCT number, TI the official title, ST the brief title with its
/// acronym, A2 the collaborators, AB the brief summary, UR https://clinicaltrials.gov/study/NCT...
/// and dates as the registry writes them. Kept from it: those, but dates. Left out: its custom
/// fields C1-C8 (EndNote's Custom 1-8; Zotero, Rayyan and Covidence have no such fields), SF, U1
/// and RD (the retrieval date, which would make two downloads of the same table differ). Changed:
/// Y1 is the first posted date (the record's publication in the registry; the first submitted
/// date that the registry writes there is not in the stored record model), written as the RIS
/// specification writes dates, YYYY/MM/DD/ with a part the registry does not give left empty
/// (2019-11 is 2019/11//, 2019 is 2019///), and its year is PY, the year alone, which reference
/// managers read as the publication year (some read no year from Y1). Added, from the RIS
/// specification, tags every one of the four tools reads: AU the lead sponsor, DB the database
/// name, KW the conditions and keywords, N1 the Table 1 cells a screener wants (status, phase,
/// enrollment, start) and the registry version. Y2 is left out on purpose: EndNote and Zotero
/// read it as the date accessed.
/// </remarks>
public static partial class Table1Ris
{
    public const string ContentType = "application/x-research-info-systems";

    /// <summary>RIS lines end in CR LF; every tag is two characters, two spaces, a hyphen and a space.</summary>
    private const string LineEnd = "\r\n";

    /// <param name="rows">The table's rows, in order.</param>
    /// <param name="records">The registry record behind each row, by NCT id (<see cref="Table1Reads.Records"/>).</param>
    /// <returns>UTF-8 without a byte order mark: three bytes before the first "TY" make some importers miss the first record.</returns>
    public static byte[] Write(IReadOnlyList<Table1Row> rows, IReadOnlyDictionary<string, StudyRecord> records)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(records);
        var ris = new StringBuilder();
        foreach (var row in rows)
        {
            var record = records.GetValueOrDefault(row.NctNumber);
            Tag(ris, "TY", "DBASE");
            Tag(ris, "TI", record?.OfficialTitle ?? record?.BriefTitle ?? row.NctNumber);
            if (ShortTitle(record) is { } shortTitle && shortTitle != record?.OfficialTitle)
            {
                Tag(ris, "ST", shortTitle);
            }

            Tag(ris, "AU", Name(record?.LeadSponsor));
            foreach (var collaborator in record?.Collaborators ?? [])
            {
                Tag(ris, "A2", Name(collaborator.Name));
            }

            if (Date(record?.FirstPostedDate) is { } posted)
            {
                Tag(ris, "PY", posted[..4]);
                Tag(ris, "Y1", posted);
            }

            Tag(ris, "DB", "ClinicalTrials.gov");
            Tag(ris, "DP", "National Library of Medicine (US)");
            Tag(ris, "ID", row.NctNumber);
            Tag(ris, "AN", row.NctNumber);
            Tag(ris, "UR", row.RegistryUrl);
            Tag(ris, "AB", record?.BriefSummary);
            foreach (var term in (record?.Conditions ?? []).Concat(record?.Keywords ?? []).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                Tag(ris, "KW", term);
            }

            Tag(ris, "N1", Note(row, record));
            ris.Append("ER  - ").Append(LineEnd).Append(LineEnd);
        }

        return Encoding.UTF8.GetBytes(ris.ToString());
    }

    /// <summary>
    /// A registry date (yyyy-MM-dd, or yyyy-MM or yyyy as the registry writes a partial one) as RIS
    /// writes dates, "YYYY/MM/DD/", the parts not given left empty; any other text is no date.
    /// </summary>
    internal static string? Date(string? registryDate) =>
        registryDate is not null && RegistryDate().Match(registryDate.Trim()) is { Success: true } date
            ? $"{date.Groups[1].Value}/{date.Groups[2].Value}/{date.Groups[3].Value}/"
            : null;

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")]
    private static partial Regex RegistryDate();

    /// <summary>The brief title with its acronym, as the registry's ST has it (not twice when the title holds it already).</summary>
    private static string? ShortTitle(StudyRecord? record) =>
        record?.BriefTitle is not { } title ? null
        : record.Acronym is { Length: > 0 } acronym && !title.Contains(acronym, StringComparison.Ordinal) ? $"{title} ({acronym})"
        : title;

    /// <summary>
    /// A sponsor or collaborator as one name, not "Last, First": a trailing comma is how RIS writes
    /// a corporate author, so "Massachusetts General Hospital" is not filed as "Hospital, M. G.".
    /// </summary>
    private static string? Name(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim().TrimEnd(',') + ",";

    /// <summary>"Status: Recruiting. Phase 2. Enrollment: 116 (estimated). Start: 2019-11-16 (actual). Registry version: updated ...".</summary>
    private static string Note(Table1Row row, StudyRecord? record)
    {
        var start = record?.StartDate is { } date
            ? date + (RegistryLabels.Kind(record.StartDateType) is { } kind ? $" ({kind})" : string.Empty)
            : null;
        return string.Join(" ", new[]
        {
            row.Status is null ? null : $"Status: {row.Status}.",
            row.Phase is null ? null : $"{row.Phase}.",
            row.Enrollment is null ? null : $"Enrollment: {row.Enrollment}.",
            start is null ? null : $"Start: {start}.",
            string.IsNullOrEmpty(row.RecordVersion) ? null : $"Registry version: {row.RecordVersion}.",
        }.OfType<string>());
    }

    /// <summary>
    /// One line "XX  - value": a value's line breaks and other control characters become spaces
    /// (a line that does not start with a tag is read by some importers as a new, broken field);
    /// an empty value writes no line.
    /// </summary>
    private static void Tag(StringBuilder ris, string tag, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        ris.Append(tag).Append("  - ");
        var space = false;
        foreach (var c in value.Trim())
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                ris.Append(' ');
                space = false;
            }

            ris.Append(c);
        }

        ris.Append(LineEnd);
    }
}
