using System.Text;
using System.Text.RegularExpressions;
using TrialEvidence.Data.Registries;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Registries;

/// <summary>
/// A ChiCTR trial page (../shared/registries/chictr, 2024 site, Chinese and English) read field by
/// field. Expected values are taken from the page's HTML by patterns of its own, apart from the
/// reader's AngleSharp queries, where they can be; otherwise as the page writes them.
/// </summary>
public partial class ChiCtrPageTests
{
    private static readonly string File = SharedData.ChiCtrFile("ChiCTR2400084905_showproj.html");

    private static readonly Lazy<string> Html = new(() => System.IO.File.ReadAllText(File));

    private static readonly Lazy<RegisteredTrial> Trial = new(() => Read(Html.Value));

    private static RegisteredTrial Read(string html)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(html));
        return ChiCtrPage.Read(stream);
    }

    /// <summary>The text of the first paragraph of <paramref name="language"/> after the label, blanks collapsed.</summary>
    private static string After(string label, string language = "en")
    {
        var at = Html.Value.IndexOf($"<p class=\"{language}\">{label}", StringComparison.Ordinal);
        var value = new Regex($"<p class=\"{language}[^\"]*\">(.*?)</p>", RegexOptions.Singleline).Match(Html.Value, Html.Value.IndexOf("</td>", at, StringComparison.Ordinal));
        return Blanks().Replace(value.Groups[1].Value.Replace("&nbsp;", " ", StringComparison.Ordinal), " ").Trim();
    }

    [Fact]
    public void The_trial_keeps_its_id_page_and_registry()
    {
        var trial = Trial.Value;

        Assert.Equal("ChiCTR2400084905", trial.Id);
        Assert.Equal(RegistryId.ChiCtr, trial.Registry);
        Assert.Equal(ChiCtrPage.Format, trial.Format);
        Assert.Null(trial.Via);
        Assert.Equal("https://www.chictr.org.cn/showproj.html?proj=173420", trial.Url); // <input type="hidden" name="pid" value="173420" />
        Assert.Empty(trial.SecondaryIds); // both id rows are empty on this page
        Assert.Equal(Html.Value, trial.Document);
    }

    [Fact]
    public void Titles_are_the_english_text_with_the_chinese_originals_kept()
    {
        var trial = Trial.Value;

        Assert.Equal(After("Public title："), trial.BriefTitle);
        Assert.StartsWith("SUNRAY-01, A Global Pivotal Study", trial.BriefTitle, StringComparison.Ordinal);
        Assert.Equal(After("Scientific title："), trial.OfficialTitle);
        Assert.Equal(After("English Acronym："), trial.Acronym);
        Assert.Equal(After("注册题目：", "cn"), trial.Original["briefTitle"]);
        Assert.StartsWith("SUNRAY-01，一项比较LY3537982", trial.Original["briefTitle"], StringComparison.Ordinal);
        Assert.Equal(After("研究课题的正式科学名称：", "cn"), trial.Original["officialTitle"]);
        Assert.Equal(After("注册题目简写：", "cn"), trial.Original["acronym"]);
    }

    [Fact]
    public void Each_group_is_an_arm_with_its_intervention_and_the_enrollment_is_their_sum()
    {
        var trial = Trial.Value;
        var sizes = SampleSizes().Matches(Html.Value).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal([192L, 192, 276, 276], sizes);
        Assert.Equal(
            [new SampleGroup("experimental group（Part A）", 192), new SampleGroup("control group（Part A）", 192),
             new SampleGroup("experimental group（Part B）", 276), new SampleGroup("control group（Part B）", 276)],
            trial.EnrollmentGroups);
        Assert.Equal(sizes.Sum(), trial.EnrollmentCount);
        Assert.Null(trial.EnrollmentType);
        Assert.Equal(trial.EnrollmentGroups.Select(g => g.Group), trial.Arms.Select(a => a.Label));
        Assert.Equal(
            ["LY3537982 in combination with pembrolizumab", "placebo with pembrolizumab",
             "LY3537982 in combination with pembrolizumab, pemetrexed and platinum", "placebo with pembrolizumab, pemetrexed and platinum"],
            trial.Interventions.Select(i => i.Name));
        Assert.Equal(["experimental group（Part A）"], trial.Interventions[0].Arms);
        Assert.Equal(trial.Interventions.Select(i => i.Name), trial.Arms.Select(a => Assert.Single(a.Interventions!)));
    }

    [Fact]
    public void Status_is_the_registry_words_with_their_exact_code_and_the_chinese_kept()
    {
        var trial = Trial.Value;

        Assert.Equal("Not yet recruiting", trial.RegistryStatus); // "Not yet\n recruiting" in the HTML
        Assert.Equal("NOT_YET_RECRUITING", trial.OverallStatus);
        Assert.Equal("尚未开始", trial.Original["registryStatus"]);
    }

    [Fact]
    public void Dates_sponsors_design_and_condition_are_read_in_the_registry_api_form()
    {
        var trial = Trial.Value;

        Assert.Equal("2024-05-28", trial.RegistrationDate); // 2024-05-28 00:00:00
        Assert.Equal("2024-05-28", trial.LastUpdateDate);
        Assert.Equal("2024-06-01", trial.StartDate); // Study execute time: From 2024-06-01 00:00:00 To 2029-10-01 00:00:00
        Assert.Equal(After("Primary sponsor："), trial.Sponsor);
        Assert.Equal("Jilin Cancer Hospital", trial.Sponsor);
        Assert.Equal("吉林省肿瘤医院", trial.Original["sponsor"]);
        Assert.Equal(["Jilin Cancer Hospital"], trial.SecondarySponsors);
        Assert.Equal("INTERVENTIONAL", trial.StudyType); // "Interventional study"
        Assert.Equal(["PHASE3"], trial.Phases); // "3"
        Assert.Equal([After("Target disease：")], trial.Conditions);
        Assert.Equal("KRAS G12C突变、局部晚期或转移性非小细胞肺癌", trial.Original["conditions"]);
        Assert.StartsWith("To determine the optimal dose of LY3537982", trial.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Outcomes_are_primary_or_secondary_as_the_page_types_them()
    {
        var trial = Trial.Value;

        var primary = Assert.Single(trial.PrimaryOutcomes);
        Assert.Equal("progression-free survival", primary.Measure);
        Assert.StartsWith("Perform assessment every 6 weeks (±7 days)", primary.TimeFrame, StringComparison.Ordinal);
        Assert.Equal("Imaging assessment (Response Evaluation Criteria in Solid Tumors version 1.1)", primary.Description);
        Assert.Equal(["Overall survival", "overall response rate"], trial.SecondaryOutcomes.Select(o => o.Measure));
    }

    [Fact]
    public void Criteria_keep_one_line_per_item_and_the_chinese_originals()
    {
        var trial = Trial.Value;

        var inclusion = trial.InclusionCriteria!.Split('\n');
        Assert.Equal(12, inclusion.Length); // items 1 to 12, one <br> apart
        Assert.StartsWith("1. Histologically or cytologically confirmed NSCLC", inclusion[0], StringComparison.Ordinal);
        Assert.Equal("12. Are of an acceptable age to provide informed consent according to local regulations and are at least 18 years of age.", inclusion[^1]);
        Assert.StartsWith("13. Have a documented additional validated targetable oncogenic driver mutation", trial.ExclusionCriteria, StringComparison.Ordinal);
        Assert.EndsWith("33. Is unable or unwilling to take folic acid or vitamin B12 supplementation.", trial.ExclusionCriteria, StringComparison.Ordinal);
        Assert.StartsWith("1 经组织学或细胞学证实的IIIB-IIIC期或IV期NSCLC", trial.Original["inclusionCriteria"], StringComparison.Ordinal);
        Assert.StartsWith("13 有记录的其他经验证的靶向致癌驱动基因突变", trial.Original["exclusionCriteria"], StringComparison.Ordinal);
        Assert.Equal("ALL", trial.Sex); // "Both"
        Assert.Equal("18 Years", trial.MinimumAge);
        Assert.Null(trial.MaximumAge); // an empty cell
    }

    [Fact]
    public void Every_site_is_read_with_its_institution_and_country()
    {
        var trial = Trial.Value;
        var institutions = SiteInstitutions().Matches(Html.Value).Select(m => Blanks().Replace(m.Groups[1].Value, " ").Trim()).ToList();

        Assert.Equal(43, institutions.Count);
        Assert.Equal(institutions, trial.Sites.Select(s => s.Facility));
        Assert.Equal("Tianjin Medical University Cancer Institute and Hospital", trial.Sites[1].Facility);
        Assert.All(trial.Sites, s => Assert.Equal("China", s.Country));
        Assert.All(trial.Sites, s => Assert.Null(s.City)); // the page leaves every city empty
        Assert.Equal(["China"], trial.Countries);
    }

    [Fact]
    public void A_registration_number_of_another_register_is_a_secondary_id()
    {
        var label = "The registration number of the Partner Registry or other\n                                        register：\n                                    </p>\n                                </td>\n                                <td>";
        Assert.Contains(label, Html.Value, StringComparison.Ordinal);

        var trial = Read(Html.Value.Replace(label + "</td>", label + "NCT06119581；CTR20240001</td>", StringComparison.Ordinal));

        Assert.Equal(["NCT06119581", "CTR20240001"], trial.SecondaryIds);
    }

    [Fact]
    public void A_page_cut_short_is_refused_at_its_end()
    {
        var half = Html.Value[..(Html.Value.Length / 2)];

        var refused = Assert.Throws<RegistryFormatException>(() => Read(half));

        Assert.Equal(half.Count(c => c == '\n') + 1, refused.Line);
        Assert.Contains("cut short", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_a_registration_number_is_refused_at_its_cell()
    {
        var html = Html.Value.Replace("<td>ChiCTR2400084905&nbsp;</td>", "<td>&nbsp;</td>", StringComparison.Ordinal);
        var cell = Html.Value[..Html.Value.IndexOf("<td>ChiCTR2400084905&nbsp;</td>", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var refused = Assert.Throws<RegistryFormatException>(() => Read(html));

        Assert.Equal(cell, refused.Line); // the row's value cell, left empty
        Assert.Contains("no ChiCTR registration number", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_that_is_not_utf8_is_refused_at_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes(Html.Value);
        var at = Html.Value.IndexOf("Public title", StringComparison.Ordinal);
        var offset = Encoding.UTF8.GetByteCount(Html.Value.AsSpan(0, at));
        bytes[offset] = 0xFF;
        using var stream = new MemoryStream(bytes);

        var refused = Assert.Throws<RegistryFormatException>(() => ChiCtrPage.Read(stream));

        Assert.Equal(Html.Value[..at].Count(c => c == '\n') + 1, refused.Line);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blanks();

    /// <summary>A group's sample size: the cell after the label 样本量 (sample size).</summary>
    [GeneratedRegex(@"样本量：</p>\s*</td>\s*<td rowspan=""2"">\s*([0-9]+)\s*</td>")]
    private static partial Regex SampleSizes();

    /// <summary>A site's English institution: a plain paragraph after "hospital：" (the secondary sponsor's is of class en).</summary>
    [GeneratedRegex(@"hospital：\s*</p>\s*</td>\s*<td[^>]*>\s*<p>([^<]*)</p>")]
    private static partial Regex SiteInstitutions();
}
