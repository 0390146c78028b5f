using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 127's unseen recall gap (issue 10, vocabulary .139): a record of no intervention and no
/// arm whose summary gives its regimen in the US National Cancer Institute's "Giving ..." sentence
/// or as what "a phase II trial using" it is.
/// </summary>
public class RegimenSentenceRulesTests
{
    /// <summary>NCT00612716 (set 127): both annotators read total-body irradiation in the conditioning regimen as EBRT.</summary>
    [Fact]
    public void A_summary_sentence_giving_the_regimen_gives_its_rt()
    {
        var free = Normalise(Trial("Donor Transplant for Lymphoproliferative Malignancies",
            "This clinical trial studies donor peripheral blood stem cell or bone marrow transplant in treating patients with lymphoma. Giving chemotherapy, such as cyclophosphamide and busulfan, and total-body irradiation (TBI) before a donor peripheral blood stem cell (PBSC) or bone marrow transplant (BMT) helps stop the growth of cancer cells.", [])).FreeText;

        Assert.Equal("EBRT", free?.RtModality);
    }

    [Fact]
    public void A_giving_sentence_gives_its_ici_and_its_rt()
    {
        var free = Normalise(Trial("Nivolumab and Radiosurgery for Brain Metastases",
            "Giving nivolumab together with stereotactic radiosurgery may work better in treating patients with non-small cell lung cancer that has spread to the brain.", [])).FreeText;

        Assert.Equal("SBRT", free?.RtModality);
        Assert.Equal(["nivolumab"], free?.Agents ?? []);
    }

    /// <summary>NCT02661035 (set 127): "a phase II trial using a ... total body irradiation (TBI) preparative regimen" gives it.</summary>
    [Fact]
    public void What_a_trial_is_using_is_given()
    {
        var free = Normalise(Trial("Allo HSCT Using RIC for Hematological Diseases",
            "This is a phase II trial using a non-myeloablative cyclophosphamide/ fludarabine/total body irradiation (TBI) preparative regimen followed by a related or unrelated donor stem cell infusion.", [])).FreeText;

        Assert.Equal("EBRT", free?.RtModality);
    }

    [Theory]
    // What an earlier or a retrospective study used is not this trial's.
    [InlineData("A previous trial using total body irradiation showed higher rates of relapse-free survival.")]
    [InlineData("This is a retrospective study using records of patients given total body irradiation.")]
    // "Giving" inside a sentence of what others did, not opening one.
    [InlineData("Earlier studies found that giving total body irradiation before transplant increased toxicity.")]
    public void What_others_used_or_gave_is_not_given(string summary)
    {
        var free = Normalise(Trial("Transplant for Hematologic Malignancies", summary, [])).FreeText;

        Assert.Null(free?.RtModality);
    }

    /// <summary>NCT06557161 (set 109): the regimens the trial compares are listed after a colon, cut as a sentence of their own.</summary>
    [Fact]
    public void What_a_trial_compares_listed_after_a_colon_is_given()
    {
        var free = Normalise(Trial("Conditioning Regimens for Adult Acute Lymphoblastic Leukemia",
            "This study aims to compare the effects of two different conditioning regimens on patients with acute lymphoblastic leukemia (ALL) undergoing matched sibling donor hematopoietic stem cell transplantation (MSD-HSCT): Total Body Irradiation (TBI) and Total Marrow, Central Nervous System and Lymphoid Irradiation (TMLI).", [])).FreeText;

        Assert.Equal("EBRT", free?.RtModality);
    }

    [Fact]
    public void A_list_after_a_colon_of_what_patients_had_is_not_given()
    {
        var free = Normalise(Trial("Late Effects After Transplant",
            "Survivors were conditioned with one of two regimens before their transplant: Total Body Irradiation (TBI) or busulfan. This study follows their thyroid function.", [])).FreeText;

        Assert.Null(free?.RtModality);
    }
}
