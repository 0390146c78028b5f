namespace TrialEvidence.ReplayRegistry;

/// <summary>One query.* parameter: an expression over the texts of its search area.</summary>
internal sealed record AreaQuery(string Parameter, QueryNode Expression)
{
    public bool Matches(StudyRecord study) => Expression.Matches(study.SearchText[Parameter]);
}
