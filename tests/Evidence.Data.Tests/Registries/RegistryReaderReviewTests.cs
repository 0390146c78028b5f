using System.Text;
using Dapper;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Registries;

namespace TrialEvidence.Data.Tests.Registries;

/// <summary>
/// An independent review of the registry readers of issue 14 (ChiCTR page and XML, EUCTR
/// protocol page and full-text download, and their detection by content): each test is a case
/// the readers got wrong at 6a96992 and are mended for, made from the real files in
/// ../shared/registries or a copy changed as a registry or a browser would change it. The
/// summaries say what went wrong then.
/// </summary>
public sealed class RegistryReaderReviewTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static readonly string FullTextFile = SharedData.EuctrFile("euctr_fulltext_download_10records_2trials.txt");

    private static List<RegisteredTrial> ReadFullText(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return [.. EuctrFullText.ReadTrials(stream).Select(t => t.Trial)];
    }

    private static RegisteredTrial ReadProtocolPage(string html)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(html));
        return EuctrProtocolPage.Read(stream);
    }

    // ---- (1) values a reviewer relies on ----

    /// <summary>
    /// EUCTR names the United Kingdom's competent authority "UK - MHRA" (EudraCT's own list of
    /// national competent authorities; ebmdatalab's euctr-tracker maps the same name), not
    /// "United Kingdom - MHRA". The reader knows only "United Kingdom", so a UK record names "no
    /// member state EUCTR lists" and the whole download (every other member state's record with
    /// it) is refused. The UK is the register's largest member state.
    /// </summary>
    [Fact]
    public void A_full_text_record_of_the_uk_competent_authority_is_read_as_gb_not_refused()
    {
        var lines = File.ReadAllLines(FullTextFile);
        Assert.Equal("National Competent Authority: Spain - AEMPS", lines[5]); // line 6, first record
        Assert.Equal("A.1 Member State Concerned: Spain - AEMPS", lines[12]);
        lines[5] = "National Competent Authority: UK - MHRA";
        lines[12] = "A.1 Member State Concerned: UK - MHRA";

        var trials = ReadFullText(string.Join('\n', lines));

        Assert.Equal(10, trials.Count);
        Assert.Equal("EUCTR2022-002568-62-GB", trials[0].Id);
        Assert.Contains("United Kingdom", trials[0].Countries);
    }

    /// <summary>The same on a protocol page: a UK record refused as naming no member state.</summary>
    [Fact]
    public void A_protocol_page_of_the_uk_competent_authority_is_read_as_gb_not_refused()
    {
        var html = File.ReadAllText(SharedData.EuctrFile("EUCTR2005-002909-23-PT_protocol.html"));
        Assert.Contains("Portugal - INFARMED", html, StringComparison.Ordinal);

        var trial = ReadProtocolPage(html.Replace("Portugal - INFARMED", "UK - MHRA", StringComparison.Ordinal));

        Assert.Equal("EUCTR2005-002909-23-GB", trial.Id);
    }

    /// <summary>
    /// Bulgaria's authority is listed by EUCTR as "Bulgarian Drug Agency", with no "Country - "
    /// before it: a Bulgarian record is refused, and the download with it.
    /// </summary>
    [Fact]
    public void A_full_text_record_of_the_bulgarian_drug_agency_is_read_as_bg_not_refused()
    {
        var lines = File.ReadAllLines(FullTextFile);
        lines[5] = "National Competent Authority: Bulgarian Drug Agency";
        lines[12] = "A.1 Member State Concerned: Bulgarian Drug Agency";

        var trials = ReadFullText(string.Join('\n', lines));

        Assert.Equal("EUCTR2022-002568-62-BG", trials[0].Id);
    }

    /// <summary>
    /// Greece's record of 2021-002179-21 (line 1694) gives no F.4.2.2 (whole trial), only F.4.2.1,
    /// the planned number in the EEA (480), and says the trial runs within and outside the EEA
    /// (E.8.6.1 Yes: Argentina, Canada, the United States...). Its stored enrollment is 480, where
    /// every other member state's record of the same trial says 600 for the whole trial: a
    /// reviewer reads the EEA's share as the trial's size. Where the record does not give the
    /// trial's number and the trial runs outside the EEA, the trial's enrollment is not known.
    /// </summary>
    [Fact]
    public void An_eea_planned_number_is_not_the_enrollment_of_a_trial_that_runs_outside_the_eea()
    {
        var greece = ReadFullText(File.ReadAllText(FullTextFile)).Single(t => t.Id == "EUCTR2021-002179-21-GR");

        Assert.NotEqual(480L, greece.EnrollmentCount);
    }

    /// <summary>
    /// ChiCTR2000034346.xml's interventions are "2019 Y:N/A;2020 Y:N/A;": a retrospective survey
    /// with no intervention. The reader stores an intervention named "N/A" given to both groups,
    /// which lists, counts and the normaliser read as the trial's intervention.
    /// </summary>
    [Fact]
    public void A_chictr_group_whose_intervention_is_n_a_gives_no_intervention_named_n_a()
    {
        using var stream = File.OpenRead(SharedData.ChiCtrFile("ChiCTR2000034346.xml"));
        var trial = Assert.Single(ChiCtrXml.ReadTrials(stream)).Trial;

        Assert.DoesNotContain(trial.Interventions, i => i.Name == "N/A");
        Assert.DoesNotContain(trial.Arms, a => a.Interventions is { } given && given.Contains("N/A"));
    }

    // ---- (2) a source cut short, detection by content ----

    /// <summary>
    /// A download cut just after the "Summary" line that begins a record (line 294, the start of
    /// Sweden's record) is read as one whole record: the cut record's "Summary" goes on the
    /// previous record's last value and nothing says a record was lost. The same cut anywhere
    /// before "EudraCT Number:" of the next record ("Summ"). It must be refused with its line.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_full_text_download_cut_after_a_records_summary_line_is_refused(bool midLine)
    {
        var lines = File.ReadAllLines(FullTextFile);
        Assert.Equal("Summary", lines[293]);
        Assert.StartsWith("EudraCT Number:", lines[294], StringComparison.Ordinal);
        var text = string.Join('\n', lines.Take(294));
        if (midLine)
        {
            text = text[..^3]; // "Summ"
        }

        var refused = Assert.Throws<RegistryFormatException>(() => ReadFullText(text));
        Assert.Equal(294, refused.Line);
    }

    /// <summary>
    /// The full-text reader decodes UTF-8 through a StreamReader, which decodes a buffer of
    /// several KB at a time: a byte that is not UTF-8 is found while an earlier line is read, so
    /// the refusal names a line before the one that holds it (RegistryPage.ReadText, for pages,
    /// names the byte's own line). A user is sent to the wrong line.
    /// </summary>
    [Fact]
    public void A_byte_that_is_not_utf8_in_a_full_text_download_is_refused_with_its_own_line()
    {
        var bytes = File.ReadAllBytes(FullTextFile);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        const int Line = 500;
        var changed = bytes.ToArray();
        changed[lineStarts[Line - 1] + 2] = 0xFF; // "E.1..." of line 500 becomes "E.\xFF..."

        var refused = Assert.Throws<RegistryFormatException>(() =>
        {
            using var stream = new MemoryStream(changed);
            _ = EuctrFullText.ReadTrials(stream).ToList();
        });
        Assert.Equal(Line, refused.Line);
        Assert.Equal(3, refused.Position);
    }

    /// <summary>
    /// A ChiCTR page saved by a browser in the encoding of a Chinese system (GB18030; the page's
    /// own title, 中国临床试验注册中心, is then no UTF-8 bytes) is told apart from no other file:
    /// in a folder it is passed over in silence, though the readers promise a page "not UTF-8" is
    /// refused with its line. It must be a whole-source rejection naming the file, not a skip.
    /// </summary>
    [Fact]
    public void A_chictr_page_saved_as_gb18030_in_a_folder_is_refused_not_passed_over()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = File.ReadAllText(SharedData.ChiCtrFile("ChiCTR2400084905_showproj.html"));
        var folder = Path.Combine(_database.Directory, "saved");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "showproj.html");
        File.WriteAllBytes(path, Encoding.GetEncoding("GB18030").GetBytes(html));

        var skipped = new List<string>();
        var summary = _database.CreateImporter().Import(RecordSource.Expand([folder], skipped.Add));

        Assert.Empty(skipped);
        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal(path, rejection.Source);
        Assert.Matches("at line [0-9]+, position [0-9]+", rejection.Reason);
    }

    /// <summary>The same for a page saved as UTF-16 (with its byte order mark), as Windows tools save "Unicode".</summary>
    [Fact]
    public void A_euctr_page_saved_as_utf16_in_a_folder_is_refused_not_passed_over()
    {
        var html = File.ReadAllText(SharedData.EuctrFile("EUCTR2005-002909-23-PT_protocol.html"));
        var folder = Path.Combine(_database.Directory, "saved");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "trial.html");
        File.WriteAllBytes(path, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(html)]);

        var skipped = new List<string>();
        var summary = _database.CreateImporter().Import(RecordSource.Expand([folder], skipped.Add));

        Assert.Empty(skipped);
        Assert.Equal(path, Assert.Single(summary.Rejections).Source);
    }

    /// <summary>
    /// Detection reads the first 64 KB. A trial page saved as one file by a browser (styles and
    /// scripts inlined in its head, as "save as single file" does) names its registration number
    /// row after that: the page is taken for no record and, in a folder, passed over in silence.
    /// </summary>
    [Fact]
    public void A_chictr_page_with_its_styles_inlined_is_still_told_a_trial_page()
    {
        var html = File.ReadAllText(SharedData.ChiCtrFile("ChiCTR2400084905_showproj.html"));
        var head = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        Assert.True(head > 0);
        var style = "<style>" + string.Concat(Enumerable.Repeat(".left_title p.en { color: #333; font-size: 12px; }\n", 1500)) + "</style>\n";
        var path = _database.WriteFile("showproj_single_file.html", html.Insert(head, style));

        Assert.Equal(RecordFormat.ChiCtrPage, RecordFormats.Detect(path));
    }
}
