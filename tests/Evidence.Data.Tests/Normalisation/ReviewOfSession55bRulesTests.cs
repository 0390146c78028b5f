using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// A second independent review (issue 10) of vocabulary .157-.158 against .156: above all the
/// new rule of .158 (a title's ICI joined "with" or "and" to a drug the record lists is given),
/// and the rules of .157 (a chemoradiation a listed drug is added to, a radiation sensitiser, the
/// RT of a title whose interventions only assess, the one kind the titles give, radiolabelled
/// antibodies) in wordings the first review (<see cref="ReviewOfSession55RulesTests"/>) did not
/// try. Each case is realistic registry wording and asserts what a careful systematic reviewer
/// would label (DOMAIN.md, LABELLING-GUIDE.md: a therapy the patients had before, have as care
/// outside the trial, or are measured on, is not the trial's), not what the code does. Every
/// record lists no ICI and no RT, so what the trial gives of either comes from free text.
/// </summary>
public class ReviewOfSession55bRulesTests
{
    private static NormalisedStudy OfPurpose(string purpose, string title, params JsonObject[] interventions) =>
        Normalise(WithPurpose(Trial(title, null, interventions), purpose));

    // ---- 5. A title's ICI joined "with" or "and" to a listed drug (.158) ------------------------------------
    // The ICI is the patients' earlier regimen, described by a word GivenInText does not know
    // ("progressing under", "pre-treated", "unresponsive to", "from", "in place of"), and the
    // listed drug is the other half of that regimen, given again (or continued) by the trial.

    [Theory]
    [InlineData("Lenvatinib Plus Everolimus in Metastatic Renal Cell Carcinoma Progressing Under Pembrolizumab and Lenvatinib")]
    [InlineData("Lenvatinib Plus Everolimus in Metastatic Renal Cell Carcinoma Progressing Under Pembrolizumab With Lenvatinib")]
    public void A_regimen_the_disease_progresses_under_gives_no_ici(string title)
    {
        // After first-line pembrolizumab + lenvatinib (CLEAR), lenvatinib is continued with everolimus.
        var study = Treatment(title, Intervention("DRUG", "Lenvatinib"), Intervention("DRUG", "Everolimus"));

        Assert.Equal("", IciOf(study));
    }

    [Theory]
    [InlineData("Carboplatin-Etoposide Rechallenge in Sensitive Relapsed Small Cell Lung Cancer Pre-treated With Atezolizumab and Carboplatin-Etoposide")]
    [InlineData("Carboplatin-Etoposide Rechallenge in Sensitive Relapsed Small Cell Lung Cancer Pre-treated by Atezolizumab and Carboplatin-Etoposide")]
    public void A_hyphenated_pre_treated_regimen_gives_no_ici(string title)
    {
        // "Pre-treated" is cut into "pre" and "treated": neither "pretreated" nor "previously
        // treated". With "With", .156's "with" before an agent already gave it; with "by", only .158's rule.
        var study = Treatment(title, Intervention("DRUG", "Carboplatin"), Intervention("DRUG", "Etoposide"));

        Assert.Equal("", IciOf(study));
    }

    [Fact]
    public void De_escalation_from_an_ici_doublet_to_its_drug_alone_gives_no_ici()
    {
        // Responding patients stop pembrolizumab and go on with lenvatinib alone.
        var study = Treatment("De-escalation From Pembrolizumab and Lenvatinib to Lenvatinib Monotherapy in Responding Advanced Endometrial Cancer",
            Intervention("DRUG", "Lenvatinib"));

        Assert.Equal("", IciOf(study));
    }

    [Fact]
    public void A_regimen_the_trial_replaces_gives_no_ici()
    {
        // For patients with autoimmune disease: bevacizumab kept, atezolizumab replaced by sorafenib.
        var study = Treatment("Sorafenib and Bevacizumab in Place of Atezolizumab and Bevacizumab for Hepatocellular Carcinoma With Autoimmune Disease",
            Intervention("DRUG", "Sorafenib"), Intervention("DRUG", "Bevacizumab"));

        Assert.Equal("", IciOf(study));
    }

    // The ICI is the patients' care outside the trial, or a biomarker; the listed drug's word
    // stands after "and" in a title that joins two subjects, not two drugs given together.

    [Fact]
    public void A_vaccine_study_in_patients_on_checkpoint_inhibitors_gives_no_ici()
    {
        // The trial gives the vaccine; the ICI is the patients' standard treatment.
        var study = OfPurpose("OTHER", "Immune Checkpoint Inhibitors and COVID-19 Vaccine: Immunogenicity and Safety in Patients With Solid Tumours",
            Intervention("BIOLOGICAL", "BNT162b2 COVID-19 Vaccine"));

        Assert.Equal("", IciOf(study));
    }

    [Fact]
    public void An_influenza_vaccine_study_in_patients_on_anti_pd1_gives_no_ici()
    {
        var study = OfPurpose("BASIC_SCIENCE", "Anti-PD-1 and Influenza Vaccination: Antibody Response in Melanoma",
            Intervention("BIOLOGICAL", "Quadrivalent Influenza Vaccine"));

        Assert.Equal("", IciOf(study));
    }

    [Fact]
    public void Pd_l1_as_a_biomarker_beside_a_listed_drug_gives_no_ici()
    {
        // "Programmed Death-Ligand 1" is a class term; here it is the tumour's marker.
        var study = Treatment("Programmed Death-Ligand 1 and Cetuximab Response in Recurrent Head and Neck Squamous Cell Carcinoma",
            Intervention("DRUG", "Cetuximab"));

        Assert.Equal("", IciOf(study));
    }

    [Fact]
    public void A_drug_interaction_study_of_patients_standard_nivolumab_gives_no_ici()
    {
        // Pharmacokinetics: the trial gives omeprazole to patients on standard nivolumab.
        var study = OfPurpose("BASIC_SCIENCE", "Nivolumab and Omeprazole: a Pharmacokinetic Interaction Study in Melanoma",
            Intervention("DRUG", "Omeprazole"));

        Assert.Equal("", IciOf(study));
    }

    [Fact]
    public void The_rule_still_gives_the_ici_a_title_adds_a_listed_drug_to()
    {
        // Control: set 147's shape with a named agent; the guards suggested must keep it.
        var study = Normalise(Trial("Pembrolizumab With Oncolytic Adenovirus H101 in Advanced Melanoma", null, [Intervention("BIOLOGICAL", "Oncolytic Adenovirus H101")]));

        Assert.Equal("pembrolizumab + PD-1", IciOf(study));
    }

    // ---- 2. "Radiation Sensitizer" (.157) ---------------------------------------------------------------
    // A presurgical study of a candidate sensitiser, registered as treatment, that does not call
    // itself a window study: the drug is given for weeks before surgery, and no RT.

    [Fact]
    public void A_presurgical_study_of_a_candidate_radiosensitiser_gives_no_rt()
    {
        var study = Treatment("Presurgical Metformin, a Candidate Radiation Sensitizer, in Men With Prostate Cancer Before Radical Prostatectomy",
            Intervention("DRUG", "Metformin"), Intervention("PROCEDURE", "Radical prostatectomy"));

        Assert.Equal("", TrialKinds(study));
    }

    // ---- 3. Interventions that only assess (.157) --------------------------------------------------------
    // Words the guard does not know put the RT where the patients are: "before", "managed with",
    // "late effects of", a kind of patient ("elderly") that is not a word for people.

    [Fact]
    public void A_geriatric_assessment_before_radiotherapy_gives_no_rt()
    {
        var study = Treatment("Comprehensive Geriatric Assessment Before Radiotherapy for Head and Neck Cancer",
            Intervention("OTHER", "Comprehensive geriatric assessment"));

        Assert.Equal("", TrialKinds(study));
    }

    [Fact]
    public void Neurocognitive_testing_in_brain_metastases_managed_with_wbrt_gives_no_rt()
    {
        var study = Treatment("Neurocognitive Testing in Brain Metastases Managed With Whole Brain Radiotherapy",
            Intervention("OTHER", "Neurocognitive test battery"));

        Assert.Equal("", TrialKinds(study));
    }

    [Fact]
    public void Late_effects_of_childhood_radiotherapy_give_no_rt()
    {
        // Survivors' endocrine testing decades after cranial RT; no purpose registered.
        var study = Normalise(Trial("Late Effects of Childhood Cranial Radiotherapy: Endocrine Testing in Long-Term Survivors", null,
            [Intervention("DIAGNOSTIC_TEST", "Endocrine testing")]));

        Assert.Equal("", TrialKinds(study));
    }

    [Fact]
    public void Fatigue_assessment_in_elderly_prostate_radiotherapy_gives_no_rt()
    {
        var study = Treatment("Fatigue Assessment in Elderly Prostate Cancer Radiotherapy",
            Intervention("OTHER", "Fatigue questionnaire"));

        Assert.Equal("", TrialKinds(study));
    }

    // ---- 4. The one kind the titles give, for RT of no kind (.157-.158) ----------------------------------
    // GivenInText reads the titles with sequence: "following" and "after" no longer make a kind
    // history; and "as an alternative to" is no word of absence.

    [Fact]
    public void A_kind_the_trial_is_an_alternative_to_is_not_its_kind()
    {
        var study = Normalise(WithPurpose(Trial("Cisplatin and Radiotherapy Boost as an Alternative to Brachytherapy in Cervical Cancer",
            "All patients will receive radiation therapy and weekly cisplatin.", [Intervention("DRUG", "Cisplatin")]), "TREATMENT"));

        Assert.Equal(Terms.UnspecifiedRt, study.FreeText?.RtModality);
    }

    [Fact]
    public void A_kind_the_psa_rises_following_is_not_the_salvage_kind()
    {
        var study = Normalise(WithPurpose(Trial("Enzalutamide and Salvage Radiotherapy for Rising PSA Following Brachytherapy for Prostate Cancer",
            "All patients will receive salvage radiation therapy and enzalutamide.", [Intervention("DRUG", "Enzalutamide")]), "TREATMENT"));

        Assert.Equal(Terms.UnspecifiedRt, study.FreeText?.RtModality);
    }

    // ---- 1. A listed drug after a title's chemoradiation (.157-.158) --------------------------------------
    // No wrong firing found: a chemoradiation that opens a title and takes a listed drug is given
    // in every arm. Two wordings the first review did not try (an abbreviation, "in combination
    // with"), read right by .156 already and still after the narrowing.

    [Theory]
    [InlineData("Phase II Study of CCRT With or Without Nimotuzumab in Locoregionally Advanced Nasopharyngeal Carcinoma")]
    [InlineData("Phase II Study of Concurrent Chemoradiotherapy in Combination With Nimotuzumab in Cervical Cancer")]
    public void A_chemoradiation_abbreviated_or_joined_in_combination_with_a_listed_drug_is_given(string title)
    {
        var study = Normalise(Trial(title, null, [Intervention("DRUG", "Nimotuzumab"), Intervention("DRUG", "Placebo")]));

        Assert.Equal(Terms.UnspecifiedRt, study.FreeText?.RtModality);
    }

    // ---- 6. Vocabulary: radiolabelled antibodies and indium-111 (.157-.158) --------------------------------

    [Theory]
    [InlineData("Indium In 111 Ibritumomab Tiuxetan")] // the NCI Thesaurus name of the Zevalin regimen's imaging dose
    [InlineData("Indium-111 ibritumomab tiuxetan")]
    [InlineData("111In-ibritumomab tiuxetan")]
    public void The_indium_111_imaging_dose_of_ibritumomab_is_no_rt(string name)
    {
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("BIOLOGICAL", name))));
    }

    [Fact]
    public void Unlabelled_tositumomab_is_no_rt()
    {
        // The Bexxar regimen's cold antibody, listed apart from "Iodine I 131 Tositumomab".
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("BIOLOGICAL", "Tositumomab"))));
    }
}
