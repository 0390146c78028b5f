using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using TrialEvidence.Data.Registry;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Registries;

/// <summary>
/// Reads a ChiCTR trial page (showproj.html, the registry's site of 2024 on) with AngleSharp.
/// Every field is a row whose cell of class <c>left_title</c> names it in Chinese (<c>p.cn</c>)
/// and English (<c>p.en</c>), the value in the next cell; a field written in both languages has
/// two rows (<c>tr.cn</c>, <c>tr.en</c>). The English text is the record's, the Chinese original
/// is kept beside it (<see cref="RegisteredTrial.Original"/>). Groups (with their sample size
/// and intervention), sites and outcomes are small tables of labelled cells within their row.
/// Statuses, phases and study types go through <see cref="RegistryFields"/> as ICTRP's words do.
/// </summary>
public static partial class ChiCtrPage
{
    public const string Format = "ChiCTR trial page";

    /// <summary>The registry's name, in the title of each of its pages.</summary>
    private const string RegistryName = "中国临床试验注册中心";

    /// <summary>The first row of a trial page; a search page, under the same title, has none.</summary>
    private const string IdLabel = "Registration number";

    /// <summary>Whether the start of a file is a ChiCTR trial page (read by content, not by file name).</summary>
    public static bool IsTrialPage(string start) =>
        (start.Contains(RegistryName, StringComparison.Ordinal) || start.Contains("chictr.org.cn", StringComparison.OrdinalIgnoreCase))
        && start.Contains(IdLabel, StringComparison.Ordinal);

    /// <summary>The trial of a page.</summary>
    /// <exception cref="RegistryFormatException">The page is cut short, names no ChiCTR registration number, or is not UTF-8.</exception>
    public static RegisteredTrial Read(Stream page)
    {
        var html = RegistryPage.ReadText(page, Format);
        var document = RegistryPage.Parse(html, Format);
        var rows = Labelled(document.QuerySelectorAll("td.left_title"));
        string? English(string label) => RegistryPage.Text(rows.English.GetValueOrDefault(label), "cn");
        string? Chinese(string label) => RegistryPage.Text(rows.Chinese.GetValueOrDefault(label), "en");

        var id = English(IdLabel);
        if (RegistryId.RegistryOf(id) != RegistryId.ChiCtr)
        {
            var (line, position) = rows.English.TryGetValue(IdLabel, out var cell) ? RegistryPage.PositionOf(cell) : (1, 1);
            throw new RegistryFormatException(Format, "the page names no ChiCTR registration number", line, position);
        }

        var (enrollment, groups, arms, interventions) = Groups(rows.English.GetValueOrDefault("Interventions"));
        var sites = Tables(rows.English.GetValueOrDefault("Countries of recruitment and research settings")).Select(Site).ToList();
        var outcomes = Tables(rows.English.GetValueOrDefault("Outcomes")).Select(Outcome).OfType<(string? Type, RegisteredOutcome Outcome)>().ToList();
        var status = English("Recruiting status");
        var original = new Dictionary<string, string?>
        {
            ["briefTitle"] = Chinese("注册题目"),
            ["acronym"] = Chinese("注册题目简写"),
            ["officialTitle"] = Chinese("研究课题的正式科学名称"),
            ["sponsor"] = Chinese("研究实施负责（组长）单位"),
            ["conditions"] = Chinese("研究疾病"),
            ["summary"] = Chinese("研究目的"),
            ["inclusionCriteria"] = Chinese("纳入标准"),
            ["exclusionCriteria"] = Chinese("排除标准"),
            ["registryStatus"] = Chinese("征募研究对象情况"),
        };
        return new RegisteredTrial
        {
            Id = id!,
            Registry = RegistryId.ChiCtr,
            Format = Format,
            Document = html,
            Url = document.QuerySelector("input[name=pid]")?.GetAttribute("value") is { Length: > 0 } pid
                ? $"https://www.chictr.org.cn/showproj.html?proj={Uri.EscapeDataString(pid)}"
                : null,
            SecondaryIds = [.. Ids(English("Study subject ID")), .. Ids(English("The registration number of the Partner Registry or other register"))],
            BriefTitle = English("Public title"),
            OfficialTitle = English("Scientific title"),
            Acronym = English("English Acronym"),
            Original = original.Where(o => o.Value is not null).ToDictionary(o => o.Key, o => o.Value!),
            RegistryStatus = status,
            OverallStatus = RegistryFields.OverallStatus(status),
            EnrollmentCount = enrollment,
            EnrollmentGroups = groups,
            StartDate = FirstDate(English("Study execute time")),
            RegistrationDate = FirstDate(English("Date of Registration")),
            LastUpdateDate = FirstDate(English("Date of Last Refreshed on")),
            Sponsor = English("Primary sponsor") ?? English("Applicant's institution"),
            SecondarySponsors = [.. Tables(rows.English.GetValueOrDefault("Secondary sponsor")).Select(t => Cell(t, "Institution hospital")).OfType<string>()],
            StudyType = RegistryFields.StudyType(English("Study type")),
            Phases = RegistryFields.Phases(English("Study phase")),
            Summary = English("Objectives of Study"),
            Conditions = English("Target disease") is { } disease ? [disease] : [],
            Interventions = interventions,
            Arms = arms,
            PrimaryOutcomes = [.. outcomes.Where(o => o.Type == "Primary indicator").Select(o => o.Outcome)],
            SecondaryOutcomes = [.. outcomes.Where(o => o.Type == "Secondary indicator").Select(o => o.Outcome)],
            InclusionCriteria = English("Inclusion criteria"),
            ExclusionCriteria = English("Exclusion criteria"),
            Sex = RegistryFields.Sex(English("Gender")),
            MinimumAge = Age(rows.English.GetValueOrDefault("Participant age"), "Min age"),
            MaximumAge = Age(rows.English.GetValueOrDefault("Participant age"), "Max age"),
            Countries = [.. sites.Select(s => s.Country).OfType<string>().Distinct()],
            Sites = sites,
        };
    }

    /// <summary>The page as the record the import stores (see <see cref="RegisteredTrialJson"/>).</summary>
    public static IEnumerable<StudyJson> ReadStudies(Stream page) => [RegisteredTrialJson.ToStudyJson(Read(page), 0, 1)];

    /// <summary>
    /// The value cells of labelled cells, by label in each language ("Public title", "注册题目"),
    /// the label without its colon and blanks; the first of a label wins.
    /// </summary>
    private static (Dictionary<string, IElement> English, Dictionary<string, IElement> Chinese) Labelled(IEnumerable<IElement> labels)
    {
        var english = new Dictionary<string, IElement>(StringComparer.Ordinal);
        var chinese = new Dictionary<string, IElement>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            if (label.NextElementSibling is not { } value)
            {
                continue;
            }

            foreach (var (language, byLabel) in new[] { ("en", english), ("cn", chinese) })
            {
                if (label.QuerySelector($"p.{language}, span.{language}") is { } name && RegistryPage.Text(name) is { } text)
                {
                    byLabel.TryAdd(text.Replace('\n', ' ').TrimEnd('：', ':', ' '), value);
                }
            }
        }

        return (english, chinese);
    }

    /// <summary>The small tables a row holds, one per group, site, outcome or sponsor.</summary>
    private static IEnumerable<IElement> Tables(IElement? cell) => cell?.QuerySelectorAll("table") ?? Enumerable.Empty<IElement>();

    /// <summary>The English value of a labelled cell of a small table.</summary>
    private static string? Cell(IElement table, string label) =>
        RegistryPage.Text(Labelled(table.QuerySelectorAll("td")).English.GetValueOrDefault(label), "cn");

    /// <summary>
    /// Each group (English label, sample size, intervention): the groups are the enrollment's parts
    /// and the arms, as ICTRP's "group:size;" lists are (<see cref="RegistryFields.SampleSize"/>).
    /// A size that is not a number leaves the sum unknown.
    /// </summary>
    private static (long? Enrollment, List<SampleGroup> Groups, List<RegisteredArm> Arms, List<RegisteredIntervention> Interventions) Groups(IElement? cell)
    {
        var groups = new List<SampleGroup>();
        var arms = new List<RegisteredArm>();
        var interventions = new List<RegisteredIntervention>();
        var complete = true;
        foreach (var table in Tables(cell))
        {
            var cells = Labelled(table.QuerySelectorAll("td"));
            var label = RegistryPage.Text(cells.English.GetValueOrDefault("Group"), "cn");
            if (label is null)
            {
                continue;
            }

            if (long.TryParse(RegistryPage.Text(cells.Chinese.GetValueOrDefault("样本量")), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                groups.Add(new SampleGroup(label, size));
            }
            else
            {
                complete = false;
            }

            if (RegistryPage.Text(cells.English.GetValueOrDefault("Intervention"), "cn") is { } given)
            {
                RegistryFields.AddArm(interventions, arms, label, given);
            }
        }

        return (complete && groups.Count > 0 ? groups.Sum(g => g.Count) : null, groups, arms, interventions);
    }

    private static RegisteredSite Site(IElement table) =>
        new(Cell(table, "Institution hospital"), Cell(table, "City"), Cell(table, "Country"));

    /// <summary>An outcome's English name, type ("Primary indicator"), time points and method; none without an English name.</summary>
    private static (string? Type, RegisteredOutcome Outcome)? Outcome(IElement table) =>
        Cell(table, "Outcome") is { } measure
            ? (Cell(table, "Type"), new RegisteredOutcome(measure, Cell(table, "Measure time point of outcome"), Cell(table, "Measure method")))
            : null;

    /// <summary>An age limit of the age table ("Min age" 18 "years"); an empty cell is no limit.</summary>
    private static string? Age(IElement? cell, string limit)
    {
        var row = cell?.QuerySelectorAll("tr").FirstOrDefault(r => RegistryPage.Text(r, "cn")?.StartsWith(limit, StringComparison.Ordinal) == true);
        return RegistryFields.Age(RegistryPage.Text(row?.Children.ElementAtOrDefault(1)));
    }

    /// <summary>The first date of a cell ("2024-05-28 00:00:00", "From 2024-06-01 00:00:00 To ..."), as yyyy-MM-dd.</summary>
    private static string? FirstDate(string? text) =>
        text is not null && IsoDay().Match(text) is { Success: true } day ? RegistryFields.Date(day.Value) : null;

    /// <summary>The ids a cell lists, separated by commas or semicolons (either width).</summary>
    private static string[] Ids(string? text) =>
        text?.Split([';', '；', ',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    [GeneratedRegex(@"[0-9]{4}-[0-9]{2}-[0-9]{2}")]
    private static partial Regex IsoDay();
}
