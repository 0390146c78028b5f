namespace TrialEvidence.ReplayRegistry;

/// <summary>A parsed query.* expression, evaluated against the texts of one search area of a study.</summary>
internal abstract record QueryNode
{
    public abstract bool Matches(IReadOnlyList<string> texts);
}

/// <summary>A word or quoted phrase: matches when it occurs in any text, ignoring case.</summary>
internal sealed record TermNode(string Text) : QueryNode
{
    public override bool Matches(IReadOnlyList<string> texts) =>
        texts.Any(text => text.Contains(Text, StringComparison.OrdinalIgnoreCase));
}

internal sealed record AndNode(QueryNode Left, QueryNode Right) : QueryNode
{
    public override bool Matches(IReadOnlyList<string> texts) => Left.Matches(texts) && Right.Matches(texts);
}

internal sealed record OrNode(QueryNode Left, QueryNode Right) : QueryNode
{
    public override bool Matches(IReadOnlyList<string> texts) => Left.Matches(texts) || Right.Matches(texts);
}

internal sealed record NotNode(QueryNode Operand) : QueryNode
{
    public override bool Matches(IReadOnlyList<string> texts) => !Operand.Matches(texts);
}
