using System.Text.RegularExpressions;

namespace TrialEvidence.Api.Table1;

/// <summary>
/// What a printed Table 1 says about itself (issue 13): a caption, and footnotes naming the
/// registry and the dates of its data, the abbreviations the cells use, the trials asked for but
/// not in the database, and what marked cells mean.
/// </summary>
public sealed partial record Table1Notes(string Caption, IReadOnlyList<string> Footnotes)
{
    /// <summary>Abbreviations a Table 1 of these trials may use, spelled out where a cell uses them.</summary>
    private static readonly (string Short, string Long)[] Abbreviations =
    [
        ("CTLA-4", "cytotoxic T-lymphocyte-associated protein 4"), ("DCR", "disease control rate"), ("DFS", "disease-free survival"),
        ("EBRT", "external beam radiotherapy"), ("HAIC", "hepatic arterial infusion chemotherapy"), ("HCC", "hepatocellular carcinoma"),
        ("ICI", "immune checkpoint inhibitor"), ("IMRT", "intensity-modulated radiotherapy"), (Table1Export.NotReported, "not reported in the registry record"),
        ("ORR", "objective response rate"),
        ("OS", "overall survival"), ("PD-1", "programmed cell death protein 1"), ("PD-L1", "programmed death-ligand 1"),
        ("PFS", "progression-free survival"), ("PVTT", "portal vein tumour thrombus"), ("RFS", "recurrence-free survival"),
        ("RT", "radiotherapy"), ("SABR", "stereotactic ablative radiotherapy"), ("SBRT", "stereotactic body radiotherapy"),
        ("SIRT", "selective internal radiation therapy"), ("TACE", "transarterial chemoembolisation"), ("TTP", "time to progression"),
    ];

    /// <param name="columns">The columns printed (all by default): only their abbreviations are spelled out.</param>
    public static Table1Notes For(
        IReadOnlyList<Table1Row> rows, IReadOnlyList<string> notFound, string? asOf, Table1Comparison? comparison,
        IReadOnlyList<(string Header, Func<Table1Row, string?> Cell)>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(notFound);
        var caption = $"Table 1. Registered trials ({rows.Count})" + (asOf is null ? string.Empty : $", as ClinicalTrials.gov stood on {asOf}");
        var footnotes = new List<string>();
        // The registry's data date of the versions shown; records without one (trimmed) by their last update.
        var dataDates = Range(rows.Select(r => r.DataDate));
        var updates = Range(rows.Select(r => r.LastUpdate));
        footnotes.Add(dataDates is not null ? $"Source: ClinicalTrials.gov, registry data of {dataDates}{Undated(rows, r => r.DataDate, "no data date")}."
            : updates is not null ? $"Source: ClinicalTrials.gov, records last updated {updates}{Undated(rows, r => r.LastUpdate, "no update date")}."
            : "Source: ClinicalTrials.gov.");
        var text = string.Join(" ", rows.SelectMany(r => (columns ?? Table1Row.Columns).Select(c => c.Cell(r))));
        // A whole word, or the end of a hyphenated one: "anti-PD-1" uses PD-1.
        var used = Abbreviations.Where(a => Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(a.Short)}(?![\w-])")).Select(a => $"{a.Short}, {a.Long}").ToList();
        if (used.Count > 0)
        {
            footnotes.Add($"Abbreviations: {string.Join("; ", used)}.");
        }

        if (notFound.Count > 0)
        {
            footnotes.Add($"Asked for but not in the evidence database: {string.Join(", ", notFound)}.");
        }

        if (comparison is not null)
        {
            footnotes.Add(comparison.Note);
        }

        return new Table1Notes(caption, footnotes);
    }

    /// <summary>" (5 of 7 records give no update date)" when some rows lack the date the footnote gives; else nothing.</summary>
    private static string Undated(IReadOnlyList<Table1Row> rows, Func<Table1Row, string?> date, string what)
    {
        var without = rows.Count(r => date(r) is null);
        return without == 0 ? string.Empty : $" ({without} of {rows.Count} records give {what})";
    }

    /// <summary>"2024-01-23", or "2021-05-02 to 2024-01-23"; null when there is no date.</summary>
    private static string? Range(IEnumerable<string?> dates)
    {
        var days = dates.OfType<string>().Select(d => d.Length >= 10 ? d[..10] : d).Order(StringComparer.Ordinal).ToList();
        return days.Count == 0 ? null : days[0] == days[^1] ? days[0] : $"{days[0]} to {days[^1]}";
    }
}
