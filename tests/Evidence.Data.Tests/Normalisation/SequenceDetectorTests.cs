using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

public class SequenceDetectorTests
{
    private static string Sequence(string summary)
    {
        var protocol = WithArms([Intervention("RADIATION", "Radiotherapy"), Intervention("DRUG", "Checkpoint inhibitor")]);
        protocol["descriptionModule"] = new JsonObject { ["briefSummary"] = summary };
        return Normalise(protocol).Summary.Sequence;
    }

    [Fact]
    public void A_study_giving_neither_rt_nor_an_ici_has_no_sequence_to_read()
    {
        var protocol = WithArms([Intervention("DRUG", "Budesonide")]);
        protocol["descriptionModule"] = new JsonObject { ["briefSummary"] = "SBRT followed by nivolumab is not what this asthma study gives." };

        Assert.Equal("unknown", Normalise(protocol).Summary.Sequence);
    }

    [Theory]
    [InlineData("Patients receive SBRT followed by sintilimab 200 mg every 3 weeks.", "RT then ICI")]
    [InlineData("Sintilimab will be given within 4-6 weeks after completion of SBRT.", "RT then ICI")]
    [InlineData("Nivolumab is given for two cycles before stereotactic radiotherapy.", "ICI then RT")]
    [InlineData("Pembrolizumab followed by SBRT to one lesion.", "ICI then RT")]
    [InlineData("Durvalumab given concurrently with radiation therapy.", "concurrent")]
    [InlineData("Patients receive SBRT and nivolumab.", "unknown")]
    [InlineData("SBRT is given. Afterwards, patients are followed for 2 years.", "unknown")]
    public void The_order_of_rt_and_ici_is_read_where_the_text_states_it(string summary, string sequence)
    {
        Assert.Equal(sequence, Sequence(summary));
    }
}
