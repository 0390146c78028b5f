using System.Text;
using System.Text.RegularExpressions;
using TrialEvidence.Data.Registries;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Registries;

/// <summary>
/// The three EUCTR protocol pages of ../shared/registries/euctr (two member states' records and a
/// trial run outside the EEA) read field by field. A cell's value is taken from the HTML by a
/// pattern of its own, apart from the reader's AngleSharp queries, where it is one line.
/// </summary>
public class EuctrProtocolPageTests
{
    private const string Portugal = "EUCTR2005-002909-23-PT_protocol.html";
    private const string Estonia = "EUCTR2009-016529-32-EE_protocol.html";
    private const string ThirdCountry = "EUCTR2011-005852-33-3rd_protocol.html";

    private static RegisteredTrial Read(string name) => Read(Encoding.UTF8.GetBytes(Html(name)));

    private static RegisteredTrial Read(byte[] page)
    {
        using var stream = new MemoryStream(page);
        return EuctrProtocolPage.Read(stream);
    }

    private static string Html(string name) => File.ReadAllText(SharedData.EuctrFile(name));

    /// <summary>The value cell of a protocol row (td.first, td.second, td.third) whose value is one line, or of a one-row list in it.</summary>
    private static string Third(string name, string code)
    {
        var row = new Regex($@"<td class=""first"">{Regex.Escape(code)}</td><td class=""second"">[^<]*</td><td class=""third"">\s*(?:<table[^>]*>\s*<tr>\s*<td[^>]*>)?([^<]*)<").Match(Html(name));
        Assert.True(row.Success, code);
        return System.Net.WebUtility.HtmlDecode(row.Groups[1].Value).Trim();
    }

    [Fact]
    public void A_member_state_record_is_keyed_by_eudract_number_and_member_state_as_ictrp_writes_it()
    {
        var trial = Read(Portugal);

        Assert.Equal("EUCTR2005-002909-23-PT", trial.Id);
        Assert.Equal(RegistryId.EuCtr, RegistryId.RegistryOf(trial.Id));
        Assert.Equal(RegistryId.EuCtr, trial.Registry);
        Assert.Equal(EuctrProtocolPage.Format, trial.Format);
        Assert.Null(trial.Via);
        Assert.Equal("https://www.clinicaltrialsregister.eu/ctr-search/trial/2005-002909-23/PT", trial.Url);
        Assert.Equal([Third(Portugal, "A.4.1")], trial.SecondaryIds); // WA18696; A.5.1 (ISRCTN) is "NA"
        Assert.Equal(Html(Portugal), trial.Document);
    }

    [Fact]
    public void Titles_sponsor_status_and_dates_are_read_as_the_page_writes_them()
    {
        var trial = Read(Portugal);

        Assert.Equal("Long-term extension study of safety during treatment with tocilizumab (MRA) in patients completing treatment in MRA core studies.", trial.OfficialTitle);
        Assert.Equal(trial.OfficialTitle, trial.BriefTitle); // no lay title, and A.3.2 is "NA"
        Assert.Equal(Third(Portugal, "B.1.1"), trial.Sponsor);
        Assert.Empty(trial.SecondarySponsors);
        Assert.Equal("Completed", trial.RegistryStatus);
        Assert.Equal("COMPLETED", trial.OverallStatus);
        Assert.Equal("2007-01-03", trial.RegistrationDate);
        Assert.Null(trial.StartDate); // EUCTR records no start date
        Assert.Equal(["Portugal"], trial.Countries);
        Assert.Empty(trial.Sites);
    }

    [Fact]
    public void The_enrollment_is_the_whole_trial_planned_number()
    {
        var trial = Read(Portugal);

        Assert.Equal("1", Third(Portugal, "F.4.1")); // in Portugal
        Assert.Equal("650", Third(Portugal, "F.4.2.1")); // in the EEA
        Assert.Equal(long.Parse(Third(Portugal, "F.4.2.2"), System.Globalization.CultureInfo.InvariantCulture), trial.EnrollmentCount);
        Assert.Equal(2420, trial.EnrollmentCount);
        Assert.Equal("ESTIMATED", trial.EnrollmentType);
        Assert.Empty(trial.EnrollmentGroups);
    }

    [Fact]
    public void Phase_condition_product_end_point_and_criteria_are_read_from_their_sections()
    {
        var trial = Read(Portugal);

        Assert.Equal("Yes", Third(Portugal, "E.7.3")); // Therapeutic confirmatory (Phase III)
        Assert.Equal(["PHASE3"], trial.Phases);
        Assert.Equal("INTERVENTIONAL", trial.StudyType);
        Assert.Equal([Third(Portugal, "E.1.1")], trial.Conditions);
        var product = Assert.Single(trial.Interventions);
        Assert.Equal(new RegisteredIntervention(Third(Portugal, "D.3.1"), "DRUG", Third(Portugal, "D.3.8")), product); // MRA, tocilizumab
        var primary = Assert.Single(trial.PrimaryOutcomes);
        Assert.StartsWith("The primary parameters of interest are safety and long-term efficacy.\nThe following endpoints", primary.Measure, StringComparison.Ordinal);
        Assert.EndsWith("• The proportion of patients who change from monotherapy to combination treatment by visit.", primary.Measure, StringComparison.Ordinal);
        Assert.Null(primary.TimeFrame);
        Assert.StartsWith("1) Completion of treatment as specified in the core studies", trial.InclusionCriteria, StringComparison.Ordinal);
        Assert.EndsWith("7) If female and of child-bearing potential, the patient must have a negative urine pregnancy test at baseline.", trial.InclusionCriteria, StringComparison.Ordinal);
        Assert.StartsWith("1) Treatment with any investigational agent", trial.ExclusionCriteria, StringComparison.Ordinal);
        Assert.StartsWith("To assess the long-term safety of 8 mg/kg tocilizumab", trial.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Age_groups_and_sexes_are_read_as_limits_and_a_sex()
    {
        var adults = Read(Portugal); // adults and elderly, both sexes

        Assert.Equal("ALL", adults.Sex);
        Assert.Equal("18 Years", adults.MinimumAge);
        Assert.Null(adults.MaximumAge);

        var infants = Read(ThirdCountry); // newborns and infants and toddlers
        Assert.Null(infants.MinimumAge);
        Assert.Equal("23 Months", infants.MaximumAge);
    }

    [Fact]
    public void A_prematurely_ended_trial_keeps_its_words_without_a_code_and_its_products_active_substances()
    {
        var trial = Read(Estonia);

        Assert.Equal("EUCTR2009-016529-32-EE", trial.Id);
        Assert.Equal("Prematurely Ended", trial.RegistryStatus);
        Assert.Null(trial.OverallStatus); // terminated or withdrawn: EUCTR does not say which
        Assert.Equal(800, trial.EnrollmentCount);
        Assert.Equal(["GWCA0999"], trial.SecondaryIds);
        Assert.Equal(["Estonia"], trial.Countries);
        Assert.Equal(["PHASE3"], trial.Phases);
        // No INN: the active substances by their other descriptive names.
        Assert.Equal(new RegisteredIntervention("Sativex", "DRUG", "delta-9-tetrahydrocannabinol, cannabidiol"), Assert.Single(trial.Interventions));
        Assert.Equal(
            "For inclusion in the study patients must fulfill ALL of the following criteria:\n-Patient has completed the parent study within the last seven days.\n-Willing and able to give written informed consent.\n-Willing and able to comply with all study requirements.",
            trial.InclusionCriteria); // lines a <br> apart
    }

    [Fact]
    public void A_trial_run_outside_the_eea_is_keyed_as_ictrp_keys_it_and_lists_its_countries()
    {
        var trial = Read(ThirdCountry);

        Assert.Equal("EUCTR2011-005852-33-Outside-EU/EEA", trial.Id);
        Assert.Equal(RegistryId.EuCtr, RegistryId.RegistryOf(trial.Id));
        Assert.Equal("https://www.clinicaltrialsregister.eu/ctr-search/trial/2011-005852-33/3RD", trial.Url);
        Assert.Null(trial.RegistryStatus); // its summary gives no status
        Assert.Equal(30, trial.EnrollmentCount); // F.4.2.2 alone
        Assert.Equal(["Benin", "Burkina Faso", "Congo", "Nigeria", "Togo"], trial.Countries); // E.8.6.3, a row each
        Assert.Equal(["PHASE2"], trial.Phases);
        Assert.Equal(Third(ThirdCountry, "A.3.1"), trial.BriefTitle);
        Assert.Equal(new RegisteredIntervention("artemether-lumefantrine", "DRUG", "ARTEMETHER, LUMEFANTRINE"), Assert.Single(trial.Interventions));
        Assert.Equal("28 days", Assert.Single(trial.PrimaryOutcomes).TimeFrame);
        Assert.Equal("1, 2, 3, 7, 14, 28 and 42 days", Assert.Single(trial.SecondaryOutcomes).TimeFrame);
        Assert.Equal("2016-04-11", trial.RegistrationDate);
    }

    [Fact]
    public void A_page_cut_short_is_refused_at_its_end()
    {
        var html = Html(Estonia);
        var cut = html[..(html.Length * 3 / 4)];

        var refused = Assert.Throws<RegistryFormatException>(() => Read(Encoding.UTF8.GetBytes(cut)));

        Assert.Equal(cut.Count(c => c == '\n') + 1, refused.Line);
    }

    [Fact]
    public void A_page_without_a_eudract_number_is_refused()
    {
        var html = Html(Estonia).Replace("2009-016529-32", "not given", StringComparison.Ordinal);

        var refused = Assert.Throws<RegistryFormatException>(() => Read(Encoding.UTF8.GetBytes(html)));

        Assert.Contains("no EudraCT number", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(html[..html.IndexOf("<table class=\"section summary\">", StringComparison.Ordinal)].Count(c => c == '\n') + 1, refused.Line);
    }
}
