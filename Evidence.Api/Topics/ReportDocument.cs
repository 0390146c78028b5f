namespace TrialEvidence.Api.Topics;

/// <summary>
/// A short document of headings, paragraphs and tables, written as Markdown or Word
/// (<see cref="ReportFiles"/>): what a report says, apart from how each format writes it.
/// </summary>
public sealed record ReportDocument(string Title, IReadOnlyList<ReportBlock> Blocks);

public abstract record ReportBlock;

public sealed record ReportHeading(string Text) : ReportBlock;

/// <summary>Prose; its literal parts (a query, a URL) are shown as code, exactly as written.</summary>
public sealed record ReportParagraph(IReadOnlyList<ReportText> Parts) : ReportBlock
{
    public ReportParagraph(string text)
        : this([new ReportText(text)])
    {
    }

    /// <summary>The paragraph as plain text, literal parts as written.</summary>
    public string PlainText => string.Concat(Parts.Select(p => p.Text));
}

public sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

public readonly record struct ReportText(string Text, bool Literal = false);
