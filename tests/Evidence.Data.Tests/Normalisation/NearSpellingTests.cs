using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Misspelled generic names, development codes and co-formulations (issue 10).</summary>
public class NearSpellingTests
{
    [Theory]
    [InlineData("Pembrolizumb", "pembrolizumab")]
    [InlineData("pembrolizuamb", "pembrolizumab")]
    [InlineData("Pembrolizumad 200 mg", "pembrolizumab")]
    [InlineData("Durvulumab", "durvalumab")]
    [InlineData("nivolumub", "nivolumab")]
    [InlineData("Atezolizumb", "atezolizumab")]
    [InlineData("Camrelizamab", "camrelizumab")]
    [InlineData("Sintillimab", "sintilimab")]
    [InlineData("Tislelizumad", "tislelizumab")]
    [InlineData("Ipilumumab", "ipilimumab")]
    [InlineData("Tremelimumub", "tremelimumab")]
    [InlineData("Toripalimib", "toripalimab")]
    [InlineData("Levatinib", "lenvatinib")]
    [InlineData("nivolumb", "nivolumab")]
    [InlineData("Adebelizumab", "adebrelimab")] // the older "-lizumab" ending for "-limab", and one edit
    [InlineData("Sintilizumab", "sintilimab")]
    [InlineData("Tislelimab", "tislelizumab")]
    [InlineData("Mytomicin C", "mitomycin")] // set 21: "y" for "i", twice
    [InlineData("amurubicin", "amrubicin")] // set 26: a letter added
    [InlineData("Ipilumimab", "ipilimumab")] // set 29 (NCT01996202): two vowels swapped across the "m"
    [InlineData("Durvulamab", "durvalumab")]
    public void A_generic_name_misspelled_by_an_edit_or_two_names_its_agent(string name, string agent)
    {
        var study = Normalise(WithArms([Intervention("DRUG", name)]));

        Assert.Equal([agent], study.Interventions[0].Agents);
        // Provenance quotes the registry's own spelling, so a reviewer sees the correction.
        var source = Assert.Single(study.Sources, s => s.Field == NormalisedField.Agent);
        Assert.Equal(name.Split(' ')[0], source.Matched);
    }

    /// <summary>
    /// Real generic names (WHO INN lists) of antibodies and kinase inhibitors outside the
    /// vocabulary, chosen as the nearest to its names: each must name no agent, neither the one it
    /// resembles nor another.
    /// </summary>
    [Theory]
    [InlineData("tavolimab")] // OX40, an agonist, not a checkpoint inhibitor of the vocabulary (lirilumab, KIR, now is one)
    [InlineData("aclarubicin")] // an anthracycline outside the vocabulary, two letters from amrubicin
    [InlineData("inolimomab")] // CD25; three from ipilimumab
    [InlineData("magrolimab")] // CD47
    [InlineData("utomilumab")] // 4-1BB agonist
    [InlineData("urelumab")]
    [InlineData("varlilumab")]
    [InlineData("spesolimab")] // IL-36 receptor, skin disease
    [InlineData("vilobelimab")] // C5a
    [InlineData("imsidolimab")]
    [InlineData("adalimumab")]
    [InlineData("golimumab")]
    [InlineData("belimumab")]
    [InlineData("emapalumab")]
    [InlineData("sarilumab")]
    [InlineData("anifrolumab")]
    [InlineData("tezepelumab")]
    [InlineData("dupilumab")]
    [InlineData("tocilizumab")]
    [InlineData("natalizumab")]
    [InlineData("omalizumab")]
    [InlineData("certolizumab")]
    [InlineData("eculizumab")]
    [InlineData("ravulizumab")]
    [InlineData("vedolizumab")]
    [InlineData("pertuzumab")]
    [InlineData("trastuzumab")]
    [InlineData("cetuximab")]
    [InlineData("siltuximab")]
    [InlineData("nimotuzumab")]
    [InlineData("necitumumab")]
    [InlineData("panitumumab")]
    [InlineData("daratumumab")]
    [InlineData("alemtuzumab")]
    [InlineData("efalizumab")] // "-lizumab" names of other targets, respelt "-limab"
    [InlineData("ocrelizumab")]
    [InlineData("inebilizumab")]
    [InlineData("satralizumab")]
    [InlineData("crizanlizumab")]
    [InlineData("mepolizumab")]
    [InlineData("benralizumab")]
    [InlineData("reslizumab")]
    [InlineData("ibalizumab")]
    [InlineData("otilimab")] // "-limab" names of other targets, respelt "-lizumab"
    [InlineData("axitinib")] // two edits from apatinib
    [InlineData("afatinib")] // one edit from apatinib: names under nine letters match only exactly
    [InlineData("dovitinib")]
    [InlineData("nilotinib")]
    [InlineData("imatinib")]
    [InlineData("pazopanib")]
    [InlineData("erlotinib")]
    [InlineData("fruquintinib")]
    [InlineData("surufatinib")]
    public void Real_names_near_the_vocabulary_name_no_agent(string name)
    {
        var study = Normalise(WithArms([Intervention("DRUG", name)]));

        Assert.Empty(study.Interventions[0].Agents);
    }

    [Theory]
    [InlineData("nivolumab", "lirilumab")]
    [InlineData("ipilimumab", "inolimomab")]
    [InlineData("cemiplimab", "cetrelimab")]
    [InlineData("apatinib", "axitinib")]
    [InlineData("sintilimab", "siltuximab")]
    [InlineData("penpulimab", "pentumomab")]
    public void Near_neighbours_are_further_apart_than_a_misspelling(string name, string neighbour)
    {
        var allowed = name.Length >= NearSpelling.TwoEditsFrom ? 2 : 1;

        Assert.True(NearSpelling.Distance(neighbour, name, 5) > allowed);
        Assert.False(NearSpelling.IsNear(neighbour, name));
    }

    [Theory]
    [InlineData("abcd", "abdc", 1)]
    [InlineData("pembrolizumab", "pembrolizumb", 1)]
    [InlineData("pembrolizumab", "pembrolizuamb", 1)]
    [InlineData("durvalumab", "durvulumab", 1)]
    [InlineData("ipilimumab", "ipilumimab", 1)] // two letters swapped across a third that stays
    [InlineData("abc", "cxa", 3)] // not when the letter between differs
    [InlineData("abcd", "dbca", 2)] // nor across two letters
    [InlineData("nivolumab", "lirilumab", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_counts_insertions_deletions_changes_and_swaps(string a, string b, int distance)
    {
        Assert.Equal(distance, NearSpelling.Distance(a, b, 10));
        Assert.Equal(distance, NearSpelling.Distance(b, a, 10));
    }

    [Theory]
    [InlineData("nivolumab")] // too short for two edits: "nivolumab" and "nivolumxx" are not one drug
    [InlineData("durvalumab")]
    public void Names_under_twelve_letters_allow_one_edit(string name)
    {
        Assert.True(NearSpelling.IsNear(name[..^1] + "x", name));
        Assert.False(NearSpelling.IsNear(name[..^2] + "xx", name));
    }

    [Fact]
    public void A_word_near_two_names_names_neither()
    {
        var matcher = new TermMatcher<string>([], nearSpellings: [("abcdefghi", "one"), ("abcdefghj", "two")]);

        Assert.Empty(matcher.Matches(TermText.Of("abcdefghk")));
        Assert.Equal(["one"], matcher.Matches(TermText.Of("abcdefhhi")).Select(m => m.Value));
    }

    [Fact]
    public void A_word_listed_as_another_drugs_name_is_never_a_misspelling()
    {
        // Satralizumab (IL-6 receptor) is two edits from spartalizumab (PD-1).
        var near = new TermMatcher<string>([], nearSpellings: [("spartalizumab", "spartalizumab")]);
        var listed = new TermMatcher<string>([], nearSpellings: [("spartalizumab", "spartalizumab")], otherNames: ["Satralizumab"]);

        Assert.Equal(["spartalizumab"], near.Matches(TermText.Of("satralizumab")).Select(m => m.Value));
        Assert.Empty(listed.Matches(TermText.Of("satralizumab")));
        Assert.Equal(["spartalizumab"], listed.Matches(TermText.Of("spartalizumb")).Select(m => m.Value));
    }

    [Fact]
    public void Names_shorter_than_nine_letters_match_only_exactly()
    {
        Assert.Equal(["apatinib"], OnlyIntervention(Intervention("DRUG", "Apatinib")).Agents);
        Assert.Empty(OnlyIntervention(Intervention("DRUG", "Apatinb")).Agents);
        Assert.Empty(OnlyIntervention(Intervention("DRUG", "Avelumb")).Agents);
    }

    [Theory]
    [InlineData("RECIST1.1", new[] { "recist", "1", "1" })] // a name of four letters or more run into a version number is the name and the version
    [InlineData("CTCAE5.0", new[] { "ctcae", "5", "0" })]
    [InlineData("SIRT1", new[] { "sirt1" })] // a gene, not SIRT: only a version number is cut off
    [InlineData("FLOT1", new[] { "flot1" })]
    [InlineData("SHR1210", new[] { "shr1210" })]
    [InlineData("PD1", new[] { "pd1" })]
    [InlineData("5FU", new[] { "5fu" })]
    public void Words_are_cut_where_a_name_runs_into_a_version_number(string text, string[] words)
    {
        Assert.Equal(words, TermText.Of(text).Words.Select(w => w.Word));
    }

    /// <summary>Set 16 (NCT06528210): bicalutamide's other name "ICI 176,334" beside a pembrolizumab arm.</summary>
    [Theory]
    [InlineData("ICI 176,334")]
    [InlineData("ICI 182780")]
    public void An_acronym_run_into_a_number_is_a_code_not_a_class(string otherName)
    {
        var study = Normalise(WithArms(
            [Intervention("DRUG", "Bicalutamide", "Given PO", otherNames: ["Casodex", otherName]), Intervention("BIOLOGICAL", "Pembrolizumab", "Given IV")],
            Arm("Treatment", "Patients receive pembrolizumab with ADT.", "Drug: Bicalutamide", "Biological: Pembrolizumab")));

        Assert.Empty(study.Interventions[0].Agents);
        Assert.Empty(study.Interventions[0].Targets);
        Assert.Equal(["ICI, unspecified"], OnlyIntervention(Intervention("DRUG", "ICI", "Immune checkpoint inhibitor per investigator")).Targets);
    }

    [Theory]
    [InlineData("SHR-1210")]
    [InlineData("SHR1210")]
    [InlineData("shr 1210")]
    public void Codes_match_exactly_however_spaced_but_never_approximately(string code)
    {
        Assert.Equal(["camrelizumab"], OnlyIntervention(Intervention("DRUG", code)).Agents);
        Assert.Empty(OnlyIntervention(Intervention("DRUG", code.Replace("1210", "1211", StringComparison.Ordinal))).Agents);
    }

    [Theory]
    [InlineData("BMS-986213", new[] { "nivolumab", "relatlimab" }, new[] { "PD-1", "LAG-3" })]
    [InlineData("Opdualag", new[] { "nivolumab", "relatlimab" }, new[] { "PD-1", "LAG-3" })]
    [InlineData("MK-1308A", new[] { "quavonlimab", "pembrolizumab" }, new[] { "CTLA-4", "PD-1" })]
    [InlineData("QL1706", new[] { "iparomlimab", "tuvonralimab" }, new[] { "PD-1", "CTLA-4" })]
    public void A_co_formulation_under_one_code_gives_each_agent_it_holds(string name, string[] agents, string[] targets)
    {
        var terms = OnlyIntervention(Intervention("BIOLOGICAL", name));

        Assert.Equal(agents.Order(), terms.Agents.Order());
        Assert.Equal(targets.Order(), terms.Targets.Order());
        Assert.Empty(terms.AgentProperties);
    }

    /// <summary>
    /// Set 57 (NCT05625399): the fixed-dose product's code as other name of each component's
    /// intervention. Each intervention is the agent it is named for; the product's code alone
    /// still gives both.
    /// </summary>
    [Fact]
    public void A_co_formulation_code_among_the_other_names_gives_no_agent_another_intervention_is_named_for()
    {
        var study = Normalise(WithArms(
            [Intervention("DRUG", "Nivolumab", "Specified dose on specified days", otherNames: ["BMS-986213"]),
             Intervention("DRUG", "Relatlimab", "Specified dose on specified days", otherNames: ["BMS-986213"])]));

        Assert.Equal(["nivolumab"], study.Interventions[0].Agents);
        Assert.Equal(["PD-1"], study.Interventions[0].Targets);
        Assert.Equal(["relatlimab"], study.Interventions[1].Agents);
        Assert.Equal(["LAG-3"], study.Interventions[1].Targets);
        Assert.Equal(["nivolumab", "relatlimab"], OnlyIntervention(Intervention("DRUG", "Nivolumab", otherNames: ["BMS-986213"])).Agents.Order());
    }

    [Fact]
    public void The_code_of_one_agent_of_a_co_formulation_gives_that_agent_alone()
    {
        Assert.Equal(["quavonlimab"], OnlyIntervention(Intervention("BIOLOGICAL", "MK-1308")).Agents);
    }

    [Fact]
    public void A_vocabulary_whose_co_formulation_holds_an_unknown_agent_is_refused()
    {
        const string json = """
            {"version":"t","agents":[{"name":"nivolumab","class":"ICI","targets":["PD-1"],"synonyms":[]}],
             "coformulations":[{"names":["X-1"],"agents":["nivolumab","nosuchmab"]}],
             "iciClassTerms":[{"target":"ICI, unspecified","terms":["ICI"]}],"partnerClassTerms":[],
             "rtModalities":[{"name":"RT, unspecified","terms":["RT"]}],"locoregional":[],"endpoints":[],
             "organisationWords":[],"countryNames":{}}
            """;

        var error = Assert.Throws<System.Text.Json.JsonException>(() => Vocabulary.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));
        Assert.Contains("nosuchmab", error.Message, StringComparison.Ordinal);
    }
}
