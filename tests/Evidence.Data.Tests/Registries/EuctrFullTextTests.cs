using System.Globalization;
using System.Text;
using TrialEvidence.Data.Registries;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Registries;

/// <summary>
/// EUCTR's full-text download of ../shared/registries/euctr: 10 member-state records of 2 trials
/// (Sweden's and Poland's twice, two versions of the protocol), read into one trial per record.
/// Expected values are read from the file's lines by the test itself where they can be.
/// </summary>
public class EuctrFullTextTests
{
    private static readonly string File = SharedData.EuctrFile("euctr_fulltext_download_10records_2trials.txt");

    private static readonly Lazy<List<(RegisteredTrial Trial, long Line)>> Trials = new(() => Read(System.IO.File.ReadAllBytes(File)));

    private static List<(RegisteredTrial Trial, long Line)> Read(byte[] download)
    {
        using var stream = new MemoryStream(download);
        return [.. EuctrFullText.ReadTrials(stream)];
    }

    private static readonly Lazy<string[]> Lines = new(() => System.IO.File.ReadAllLines(File));

    /// <summary>Each record's lines, from its "Summary" line, as the file has them.</summary>
    private static List<(int Line, string[] Lines)> Records()
    {
        var starts = Enumerable.Range(0, Lines.Value.Length - 1)
            .Where(i => Lines.Value[i] == "Summary" && Lines.Value[i + 1].StartsWith("EudraCT Number:", StringComparison.Ordinal)).ToList();
        return [.. starts.Select((start, k) => (start + 1, Lines.Value[start..(k + 1 < starts.Count ? starts[k + 1] : Lines.Value.Length)]))];
    }

    /// <summary>The value of the first line of a record that starts with <paramref name="prefix"/>.</summary>
    private static string? Value(string[] record, string prefix) =>
        record.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() : null;

    [Fact]
    public void Every_member_state_record_is_a_trial_starting_at_its_summary_line()
    {
        var records = Records();

        Assert.Equal(10, records.Count);
        Assert.Equal(records.Select(r => (long)r.Line), Trials.Value.Select(t => t.Line));
        Assert.All(Trials.Value, t => Assert.Equal(EuctrFullText.Format, t.Trial.Format));
        Assert.All(Trials.Value, t => Assert.Equal(RegistryId.EuCtr, t.Trial.Registry));
        Assert.All(Trials.Value, t => Assert.Null(t.Trial.Via));
    }

    [Fact]
    public void Each_record_is_keyed_by_eudract_number_and_the_member_state_of_its_link()
    {
        // Link: https://www.clinicaltrialsregister.eu/ctr-search/trial/2022-002568-62/ES/
        var expected = Records().Select(r => Value(r.Lines, "Link: ")!.TrimEnd('/').Split('/')[^2..]).Select(p => $"EUCTR{p[0]}-{p[1]}");

        Assert.Equal(expected, Trials.Value.Select(t => t.Trial.Id));
        Assert.Equal(8, Trials.Value.Select(t => t.Trial.Id).Distinct().Count()); // Sweden and Poland twice
        Assert.Equal(Records().Select(r => Value(r.Lines, "Link: ")), Trials.Value.Select(t => t.Trial.Url));
    }

    [Fact]
    public void The_enrollment_is_the_whole_trial_planned_number_else_the_eea_one_of_a_trial_within_the_eea()
    {
        // A trial run outside the EEA too has no number of its own where F.4.2.2 is missing: the EEA's is a share.
        long? Planned(string[] record) =>
            (Value(record, "F.4.2.2 ") ?? (Value(record, "E.8.6.1 ") == "Yes" || Value(record, "E.8.6.2 ") == "Yes" ? null : Value(record, "F.4.2.1 ") ?? Value(record, "F.4.1 ")))
            is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : null;

        Assert.Equal(Records().Select(r => Planned(r.Lines)), Trials.Value.Select(t => t.Trial.EnrollmentCount));
        Assert.Equal([15L, 15, 9, 600, 600, null, 600, 600, 600, 600], Trials.Value.Select(t => t.Trial.EnrollmentCount)); // Greece names no whole-trial number
        Assert.All(Trials.Value, t => Assert.Equal("ESTIMATED", t.Trial.EnrollmentType));
    }

    [Fact]
    public void Status_dates_sponsor_and_protocol_code_are_each_record_own()
    {
        var records = Records();

        Assert.Equal(records.Select(r => Value(r.Lines, "Trial Status: ")), Trials.Value.Select(t => t.Trial.RegistryStatus));
        Assert.All(Trials.Value, t => Assert.Null(t.Trial.OverallStatus)); // "Ongoing": recruiting or not, EUCTR does not say
        Assert.Equal(records.Select(r => Value(r.Lines, "Date on which this record was first entered")), Trials.Value.Select(t => t.Trial.RegistrationDate));
        Assert.Equal(records.Select(r => Value(r.Lines, "B.1.1 ")), Trials.Value.Select(t => t.Trial.Sponsor));
        Assert.Equal(records.Select(r => Value(r.Lines, "A.4.1 ")!), Trials.Value.Select(t => Assert.Single(t.Trial.SecondaryIds)));
    }

    [Fact]
    public void A_record_reads_its_titles_with_the_member_state_translation_kept()
    {
        var spain = Trials.Value[0].Trial;

        Assert.Equal("EUCTR2022-002568-62-ES", spain.Id);
        Assert.StartsWith("A Phase 1/2 Open-Label, Ascending Dose, Multicenter Study to Evaluate the Safety", spain.OfficialTitle, StringComparison.Ordinal);
        Assert.StartsWith("A study to test whether AVB-101 is both safe and efficacious", spain.BriefTitle, StringComparison.Ordinal);
        Assert.StartsWith("Estudio de fase 1/2, abierto, de dosis ascendentes", spain.Original["officialTitle"], StringComparison.Ordinal);
        Assert.StartsWith("Un estudio para probar si AVB-101 es seguro y eficaz", spain.Original["briefTitle"], StringComparison.Ordinal);
        Assert.Equal("Demencia Frontotemporal con mutaciones en el gen de la progranulina (DFT-GRN)", spain.Original["conditions"]);
        Assert.Empty(Trials.Value[1].Trial.Original); // Sweden's record is in English only
    }

    [Fact]
    public void Phases_conditions_products_and_countries_are_read_from_their_sections()
    {
        var spain = Trials.Value[0].Trial;

        Assert.Equal(["PHASE1", "PHASE2"], spain.Phases); // Human pharmacology (Phase I), Therapeutic exploratory (Phase II)
        Assert.Equal(["Frontotemporal Dementia With Progranulin Mutations (FTD-GRN)"], spain.Conditions);
        Assert.Equal([new RegisteredIntervention("Recombinant AAV-9 vector expressing the human progranulin protein", "DRUG", "AVB-101")], spain.Interventions);
        Assert.Equal(["Spain", "United States", "United Kingdom"], spain.Countries); // the member state, then E.8.6.3's list

        var france = Trials.Value[3].Trial;
        Assert.Equal(["PHASE3"], france.Phases);
        Assert.Equal(["Alzheimer's disease"], france.Conditions); // E.1.1 is empty: the condition in easily understood language
        // Two strengths of one product are one intervention; the placebo of D.8 one more.
        Assert.Equal([new RegisteredIntervention("Masitinib", "DRUG", "Masitinib mesilate"), new RegisteredIntervention("Placebo", "DRUG")], france.Interventions);
    }

    [Fact]
    public void End_points_criteria_ages_and_sex_keep_their_lines()
    {
        var spain = Trials.Value[0].Trial;

        var primary = Assert.Single(spain.PrimaryOutcomes);
        Assert.StartsWith("Over a 26-week initial and 5year total follow up period:\n• Number and incidence of AEs", primary.Measure, StringComparison.Ordinal);
        Assert.Equal("26 weeks and 5 years", primary.TimeFrame);
        Assert.StartsWith("Over a 26-week initial and 5-year total follow up period:", Assert.Single(spain.SecondaryOutcomes).Measure, StringComparison.Ordinal);
        var inclusion = spain.InclusionCriteria!.Split('\n');
        Assert.Equal(6, inclusion.Length); // the English items 1 to 6, not the Spanish ones after them
        Assert.Equal("1. Male or female, 30 to 75 years of age, inclusive, at Screening;", inclusion[0]);
        Assert.EndsWith("12. Contraindications to lumbar puncture as per local guidelines;", spain.ExclusionCriteria, StringComparison.Ordinal);
        Assert.Equal("ALL", spain.Sex);
        Assert.Equal("18 Years", spain.MinimumAge); // adults and elderly: the groups EUCTR records, not the protocol's 30 to 75
        Assert.Null(spain.MaximumAge);
    }

    [Fact]
    public void A_value_another_program_wrote_as_an_error_marker_is_text_kept_in_the_record()
    {
        // Lines 21 and 818: A.7 and A.8, which no field of the trial reads, hold "JSON_ERROR_HERE".
        Assert.Equal("A.7 Trial is part of a Paediatric Investigation Plan: JSON_ERROR_HERE", Lines.Value[20]);
        Assert.Equal("A.8 EMA Decision number of Paediatric Investigation Plan: JSON_ERROR_HERE", Lines.Value[817]);

        Assert.Contains(Lines.Value[20], Trials.Value[0].Trial.Document, StringComparison.Ordinal);
        Assert.Contains(Lines.Value[817], Trials.Value[3].Trial.Document, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_record_keeps_its_own_lines_verbatim()
    {
        foreach (var ((_, lines), (trial, _)) in Records().Zip(Trials.Value))
        {
            Assert.Equal(string.Join('\n', lines).TrimEnd('\n'), trial.Document);
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.995)]
    public void A_download_cut_short_is_refused_at_its_last_line(double kept)
    {
        var bytes = System.IO.File.ReadAllBytes(File);
        var cut = bytes[..(int)(bytes.Length * kept)];
        var lastLine = Encoding.UTF8.GetString(cut).TrimEnd('\n').Count(c => c == '\n') + 1;

        var refused = Assert.Throws<RegistryFormatException>(() => Read(cut));

        Assert.Equal(lastLine, refused.Line);
        Assert.Contains("cut short", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_the_header_and_no_record_is_refused()
    {
        var refused = Assert.Throws<RegistryFormatException>(() => Read(Encoding.UTF8.GetBytes(EuctrFullText.Header + "\n\n")));

        Assert.Contains("no trial record", refused.Reason, StringComparison.Ordinal);
    }
}
