using System.Globalization;
using System.Text.RegularExpressions;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Registries;

/// <summary>
/// One field of an EUCTR record as its protocol page or full-text download writes it: the
/// protocol's section code ("E.1.1", "D.1.2 and D.1.3", "Summary" for the summary's rows), its
/// label, its value (null where EUCTR says "Information not present in EudraCT"), the language of
/// a translation ("es"; null for the English text) and the line it starts on.
/// </summary>
internal sealed partial record EuctrField(string Code, string Label, string? Value, string? Language, long Line)
{
    public const string Summary = "Summary";

    /// <summary>A field from its parts as the source writes them, blanks trimmed.</summary>
    public static EuctrField Of(string code, string label, string? value, long line)
    {
        var translation = Translation().Match(label.Trim());
        var text = value?.Trim();
        return new EuctrField(
            code.Trim(),
            translation.Success ? translation.Groups[1].Value : label.Trim(),
            text is { Length: > 0 } && !Empty.Contains(text) ? text : null,
            translation.Success ? translation.Groups[2].Value : null,
            line);
    }

    /// <summary>EUCTR's words for a field the sponsor left empty, and what sponsors write for "none" (an ISRCTN number "NA", an abbreviated title "N/A").</summary>
    private static readonly HashSet<string> Empty = new(StringComparer.OrdinalIgnoreCase) { "Information not present in EudraCT", "NA", "N/A", "N.A.", "Not applicable", "None", "-" };

    [GeneratedRegex(@"^(.*?)\s*\(([a-z]{2})\)\z")]
    private static partial Regex Translation();
}

/// <summary>
/// Builds the <see cref="RegisteredTrial"/> of an EUCTR record from its fields, for the protocol
/// page and the full-text download alike (they write the same protocol sections, the page in
/// cells, the download in lines). A record is one trial in one member state: its id is the
/// EudraCT number and the member state's code, as ICTRP writes it ("EUCTR2005-002909-23-PT"), or
/// "Outside-EU/EEA" for the record of a trial run only outside the EEA.
/// </summary>
internal static partial class EuctrRecord
{
    /// <exception cref="RegistryFormatException">The record names no EudraCT number or no member state EUCTR knows.</exception>
    public static RegisteredTrial Trial(IReadOnlyList<EuctrField> fields, string document, string format, long line)
    {
        string? Value(string code) => fields.FirstOrDefault(f => f.Code == code && f.Language is null && f.Value is not null)?.Value;
        string? SummaryValue(string label) => fields.FirstOrDefault(f => f.Code == EuctrField.Summary && f.Label == label)?.Value;
        IEnumerable<string> Values(string code) => fields.Where(f => f.Code == code && f.Language is null && f.Value is not null).Select(f => f.Value!);

        var eudract = SummaryValue("EudraCT Number") ?? Value("A.2");
        if (eudract is null || !EudraCtNumber().IsMatch(eudract))
        {
            throw new RegistryFormatException(format, "the record names no EudraCT number", line, 1);
        }

        var (country, memberState) = MemberState(SummaryValue("National Competent Authority") ?? Value("A.1"), SummaryValue("Clinical Trial Type"), format, line);
        var sponsors = Values("B.1.1").ToList();
        var status = SummaryValue("Trial Status") ?? fields.FirstOrDefault(f => f.Code == "P." && f.Label == "End of Trial Status")?.Value;
        var originals = new (string Field, string Code)[]
        {
            ("officialTitle", "A.3"), ("briefTitle", "A.3.1"), ("conditions", "E.1.1"), ("summary", "E.2.1"),
            ("inclusionCriteria", "E.3"), ("exclusionCriteria", "E.4"), ("primaryOutcomes", "E.5.1"),
        };
        return new RegisteredTrial
        {
            Id = $"EUCTR{eudract}-{memberState}",
            Registry = RegistryId.EuCtr,
            Format = format,
            Document = document,
            // The download links each record; a page's address is the register's, which names a third country's record 3RD.
            Url = SummaryValue("Link") ?? $"https://www.clinicaltrialsregister.eu/ctr-search/trial/{eudract}/{(country is null ? "3RD" : memberState)}",
            SecondaryIds = [.. new[] { Value("A.4.1") ?? SummaryValue("Sponsor's Protocol Code Number") }
                .Concat(fields.Where(f => f.Code.StartsWith("A.5", StringComparison.Ordinal) && f.Language is null).Select(f => f.Value))
                .OfType<string>().Distinct()],
            OfficialTitle = Value("A.3"),
            BriefTitle = Value("A.3.1") ?? Value("A.3.2") ?? Value("A.3"),
            Original = fields.Where(f => f.Language is not null && f.Value is not null)
                .Join(originals, f => f.Code, o => o.Code, (f, o) => (o.Field, f.Value!))
                .DistinctBy(o => o.Field).ToDictionary(o => o.Field, o => o.Item2),
            RegistryStatus = status,
            OverallStatus = RegistryFields.OverallStatus(status),
            // The EEA's number is the trial's only for a trial run within the EEA alone (E.8.6.1, E.8.6.2 No).
            EnrollmentCount = Enrollment(Value("F.4.2.2")
                ?? (Value("E.8.6.1") is "Yes" || Value("E.8.6.2") is "Yes" ? null : Value("F.4.2.1") ?? Value("F.4.1"))),
            EnrollmentType = EnrollmentTypes.Estimated, // F.4: the planned number of subjects
            RegistrationDate = RegistryFields.Date(SummaryValue("Date on which this record was first entered in the EudraCT database")),
            Sponsor = sponsors.FirstOrDefault(),
            SecondarySponsors = [.. sponsors.Skip(1).Distinct()],
            // The register holds clinical trials of medicinal products: interventional, every one.
            StudyType = "INTERVENTIONAL",
            Phases = [.. fields.Where(f => f.Code is "E.7.1" or "E.7.2" or "E.7.3" or "E.7.4" && f.Value == "Yes").SelectMany(f => RegistryFields.Phases(f.Label)).Distinct()],
            Summary = Value("E.2.1"),
            Conditions = Lines(Value("E.1.1") ?? Value("E.1.1.1")),
            Interventions = Interventions(fields),
            PrimaryOutcomes = Value("E.5.1") is { } primary ? [new RegisteredOutcome(primary, Value("E.5.1.1"))] : [],
            SecondaryOutcomes = Value("E.5.2") is { } secondary ? [new RegisteredOutcome(secondary, Value("E.5.2.1"))] : [],
            InclusionCriteria = Value("E.3"),
            ExclusionCriteria = Value("E.4"),
            Sex = (Value("F.2.1"), Value("F.2.2")) switch
            {
                ("Yes", "Yes") => "ALL",
                ("Yes", _) => "FEMALE",
                (_, "Yes") => "MALE",
                _ => null,
            },
            MinimumAge = AgeGroups.FirstOrDefault(g => Value(g.Code) == "Yes").Minimum,
            MaximumAge = AgeGroups.LastOrDefault(g => Value(g.Code) == "Yes").Maximum,
            Countries = [.. new[] { country }.OfType<string>().Concat(Lines(Value("E.8.6.3"))).Distinct()],
        };
    }

    /// <summary>
    /// The member state's country and code from the competent authority ("Portugal - INFARMED"),
    /// or ICTRP's "Outside-EU/EEA" for a trial EUCTR lists as run outside the EEA.
    /// </summary>
    private static (string? Country, string Code) MemberState(string? authority, string? trialType, string format, long line)
    {
        if (authority is null && trialType == "Outside EU/EEA")
        {
            return (null, "Outside-EU/EEA");
        }

        var country = authority?.Split(" - ")[0].Trim();
        return country is not null && MemberStates.TryGetValue(country, out var code)
            ? (country, code)
            : throw new RegistryFormatException(format, $"the record names no member state EUCTR lists ({country ?? "none"})", line, 1);
    }

    /// <summary>EUCTR's member states by the name its pages give them, with the code of its addresses and of ICTRP's ids (Greece GR, the United Kingdom GB).</summary>
    private static readonly Dictionary<string, string> MemberStates = new(StringComparer.Ordinal)
    {
        ["Austria"] = "AT", ["Belgium"] = "BE", ["Bulgaria"] = "BG", ["Croatia"] = "HR", ["Cyprus"] = "CY", ["Czech Republic"] = "CZ",
        ["Czechia"] = "CZ", ["Denmark"] = "DK", ["Estonia"] = "EE", ["Finland"] = "FI", ["France"] = "FR", ["Germany"] = "DE",
        ["Greece"] = "GR", ["Hungary"] = "HU", ["Iceland"] = "IS", ["Ireland"] = "IE", ["Italy"] = "IT", ["Latvia"] = "LV",
        ["Liechtenstein"] = "LI", ["Lithuania"] = "LT", ["Luxembourg"] = "LU", ["Malta"] = "MT", ["Netherlands"] = "NL",
        ["Norway"] = "NO", ["Poland"] = "PL", ["Portugal"] = "PT", ["Romania"] = "RO", ["Slovakia"] = "SK", ["Slovenia"] = "SI",
        ["Spain"] = "ES", ["Sweden"] = "SE", ["United Kingdom"] = "GB",
        // Authorities EUCTR names without a country before them.
        ["UK"] = "GB", ["Bulgarian Drug Agency"] = "BG",
    };

    /// <summary>
    /// F.1's age groups, youngest first, with the ages that bound them as ClinicalTrials.gov writes
    /// ages. EUCTR records which groups a trial includes, not its limits: the minimum is the lower
    /// bound of the youngest group ticked (none from birth), the maximum the upper bound of the
    /// oldest (none for the elderly).
    /// </summary>
    private static readonly (string Code, string? Minimum, string? Maximum)[] AgeGroups =
    [
        ("F.1.1.2", null, "27 Days"), // preterm newborn infants
        ("F.1.1.3", null, "27 Days"), // newborns (0-27 days)
        ("F.1.1.4", "28 Days", "23 Months"), // infants and toddlers
        ("F.1.1.5", "2 Years", "11 Years"), // children
        ("F.1.1.6", "12 Years", "17 Years"), // adolescents
        ("F.1.2", "18 Years", "64 Years"), // adults
        ("F.1.3", "65 Years", null), // elderly
    ];

    /// <summary>
    /// F.4's planned number of subjects: of the whole trial (F.4.2.2), else, for a trial run within
    /// the EEA alone, of the EEA (F.4.2.1), else of the member state (F.4.1, a trial of one member
    /// state); for a trial run outside the EEA too without F.4.2.2, none. The trial's number is what a
    /// Table 1 reports and the same in every member state's record of it; a member state's share
    /// is kept in the record's document.
    /// </summary>
    private static long? Enrollment(string? planned) =>
        long.TryParse(planned, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    /// <summary>
    /// ClinicalTrials.gov's type of every investigational medicinal product: EUCTR's flags of
    /// origin (chemical, biological, advanced therapy) do not map one to one onto its types.
    /// </summary>
    private const string Drug = "DRUG";

    /// <summary>
    /// Section D's investigational medicinal products, one per distinct product name (two
    /// strengths of one product are one intervention), each with its active substances (INN, else
    /// other descriptive name) as its description; a placebo (D.8) as one more.
    /// </summary>
    private static List<RegisteredIntervention> Interventions(IReadOnlyList<EuctrField> fields)
    {
        var products = new List<List<EuctrField>>();
        foreach (var field in fields.Where(f => f.Language is null))
        {
            if (field.Code == "D.IMP")
            {
                products.Add([]);
            }
            else if (products.Count > 0 && field.Code.StartsWith("D.", StringComparison.Ordinal) && !field.Code.StartsWith("D.8", StringComparison.Ordinal))
            {
                products[^1].Add(field);
            }
        }

        var interventions = products.Select(product =>
        {
            string? Value(string code) => product.FirstOrDefault(f => f.Code == code && f.Value is not null)?.Value;
            var inns = product.Where(f => f.Code == "D.3.8" && f.Value is not null).Select(f => f.Value!).ToList();
            var substances = inns.Count > 0 ? inns : [.. product.Where(f => f.Code == "D.3.9.3" && f.Value is not null).Select(f => f.Value!)];
            var name = Value("D.3.1") ?? Value("D.2.1.1.1") ?? (substances.Count > 0 ? string.Join(" + ", substances) : Value("D.3.2"));
            return name is null ? null : new RegisteredIntervention(name, Drug, substances.Count > 0 ? string.Join(", ", substances) : null);
        }).OfType<RegisteredIntervention>().DistinctBy(i => i.Name).ToList();

        if (fields.Any(f => f.Code == "D.8.1" && f.Language is null && (f.Value ?? f.Label).EndsWith("Yes", StringComparison.Ordinal)))
        {
            interventions.Add(new RegisteredIntervention("Placebo", Drug));
        }

        return interventions;
    }

    private static List<string> Lines(string? text) =>
        text is null ? [] : [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{6}-[0-9]{2}\z")]
    private static partial Regex EudraCtNumber();
}
