using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 159's finding (issue 10, vocabulary .168): the ICI a summary says a title's class is.</summary>
public class Set159RulesTests
{
    /// <summary>
    /// NCT04672317 (set 159): "Neoadjuvant PD-1 Monoclonal Antibody Plus Cisplatin-based
    /// Chemotherapy ...", whose summary says "Tislelizumab, an anti-programmed death protein-1 (PD-1)
    /// monoclonal antibody, was engineered ...": the class is tislelizumab, as both annotators
    /// labelled it. Not where the summary defines two agents of the class, nor one of another target.
    /// </summary>
    [Theory]
    [InlineData("Tislelizumab, an anti-programmed death protein-1 (PD-1) monoclonal antibody, was engineered to minimize binding to FcγR on macrophages.", "tislelizumab")]
    [InlineData("Toripalimab is a humanized anti-PD-1 monoclonal antibody.", "toripalimab")]
    [InlineData("Tislelizumab, an anti-PD-1 antibody, and camrelizumab, an anti-PD-1 antibody, are approved in China.", "")]
    [InlineData("Durvalumab, an anti-PD-L1 antibody, is approved after chemoradiotherapy.", "")]
    [InlineData("Tislelizumab, approved in China, blocks PD-1.", "")]
    public void The_agent_a_summary_says_the_titles_class_is_is_given(string summary, string agents)
    {
        var study = Normalise(Trial("Neoadjuvant PD-1 Monoclonal Antibody Plus Cisplatin-based Chemotherapy in Locally Advanced Upper Tract Urothelial Carcinoma", summary, []));

        Assert.Equal(agents, string.Join(" + ", study.FreeText?.Agents ?? []));
    }
}
