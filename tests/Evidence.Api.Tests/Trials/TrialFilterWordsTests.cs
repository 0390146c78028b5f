using TrialEvidence.Api.Trials;

namespace TrialEvidence.Api.Tests.Trials;

public sealed class TrialFilterWordsTests
{
    [Fact]
    public void Each_filter_given_is_one_statement_in_parameter_order_with_values_as_people_read_them()
    {
        var filters = new TrialFilters
        {
            Q = "portal vein",
            Status = ["recruiting", "ACTIVE_NOT_RECRUITING"],
            Phase = ["PHASE2", "EARLY_PHASE1", "NA"],
            Agent = ["NIVOLUMAB"],
            Target = ["PD-1", "any"],
            Modality = ["sbrt"],
            MinEnrollment = 20,
            StartTo = "2023-06",
            FreeText = "exclude",
        };

        var said = TrialFilterWords.Describe(filters);

        Assert.Equal(
            [
                ("q", "portal vein", "whose titles, summary, conditions, interventions or sponsor hold the words \"portal vein\""),
                ("status", "recruiting, ACTIVE_NOT_RECRUITING", "with overall status Recruiting or Active, not recruiting"),
                ("phase", "PHASE2, EARLY_PHASE1, NA", "of phase 2, early 1 or N/A (not applicable)"),
                ("agent", "NIVOLUMAB", "giving nivolumab"),
                ("target", "PD-1, any", "giving any immune checkpoint inhibitor"),
                ("modality", "sbrt", "giving SBRT"),
                ("minEnrollment", "20", "enrolling at least 20 participants"),
                ("startTo", "2023-06", "starting in or before 2023-06"),
                ("freeText", "exclude", "counting for agents, targets and RT only the interventions the registry lists, not what titles, summaries or arms name"),
            ],
            said.Select(s => (s.Parameter, s.Asked, s.Words)));
        Assert.Empty(TrialFilterWords.Describe(new TrialFilters { Status = [], Topic = [] }));
    }
}
