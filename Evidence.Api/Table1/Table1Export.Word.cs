using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using TrialEvidence.Api.Infrastructure;

namespace TrialEvidence.Api.Table1;

public static partial class Table1Export
{
    /// <summary>A4 landscape with 2 cm margins, in twips: the table fills the width between them.</summary>
    private const int Margin = 1134, LineWidth = A4Long - (2 * Margin);

    /// <summary>An A4 page's long and short sides, in twips.</summary>
    internal const int A4Long = 16838, A4Short = 11906;

    /// <summary>A cell's left and right margins (Word's own default), in twips.</summary>
    private const short CellMargin = 108;

    /// <summary>The cells' size in points; the caption is a point larger, the footnotes a point smaller.</summary>
    private const int CellPoints = 9;

    /// <summary>
    /// Table 1 as a Word document a guideline writer can paste from: Arial, A4 landscape, the
    /// caption kept with a table whose columns are as wide as their text needs (an NCT number,
    /// status or phase whole and no word split, as far as the page's width allows: see
    /// <see cref="ColumnWidths.Fit"/>), its header row repeated on every page and no row split
    /// across pages, then the footnotes.
    /// </summary>
    /// <param name="columns">The printed columns wanted (<see cref="Table1Row.Columns"/> or some of them).</param>
    public static byte[] Word(
        IReadOnlyList<Table1Row> rows,
        IReadOnlyList<(string Header, Func<Table1Row, string?> Cell)> columns,
        Table1Comparison? comparison = null,
        Table1Notes? notes = null)
    {
        notes ??= Table1Notes.For(rows, [], null, comparison, columns);
        var cells = rows.Select(row => (IReadOnlyList<WordCell>)[.. columns.Select(c => new WordCell(
            (c.Cell(row) ?? string.Empty) + (c.Header == Table1Row.NctHeader && comparison?.NewSince.Contains(row.NctNumber) == true ? " *" : string.Empty),
            comparison?.Cell(row, c.Header) is { } change ? $"{comparison.ComparedTo}: {change.Then ?? "(empty)"}" : null))]).ToList();
        var table = WordTable([.. columns.Select(c => c.Header)], cells, [.. columns.Select(c => Table1Row.OneLine.Contains(c.Header))], LineWidth);

        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddDocumentDefaults(main);

            var caption = new Paragraph(
                new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "120" }),
                new Run(new RunProperties(new Bold(), new FontSize { Val = Points(CellPoints + 1) }), new Text(XmlSafe.Text(notes.Caption))));
            var body = new Body(caption, table);
            foreach (var footnote in notes.Footnotes)
            {
                body.Append(new Paragraph(
                    new ParagraphProperties(new SpacingBetweenLines { Before = "60" }),
                    Run(footnote, new RunProperties(new FontSize { Val = Points(CellPoints - 1) }))));
            }

            body.Append(A4Section(landscape: true, Margin));
            main.Document = new Document(body);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The document's defaults: Arial at the cells' size, single-spaced paragraphs with no space
    /// after. <see cref="WordTable"/> fits its columns for that font and size, so every document
    /// holding one declares them, or Word sets the text in its own larger default and breaks words.
    /// </summary>
    internal static void AddDocumentDefaults(MainDocumentPart main)
    {
        ArgumentNullException.ThrowIfNull(main);
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                new FontSize { Val = Points(CellPoints) },
                new FontSizeComplexScript { Val = Points(CellPoints) })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));
    }

    /// <summary>
    /// An A4 section's page setup: the orientation, and <paramref name="margin"/> twips on every
    /// side (header and footer half as far from the edge; these files have none). Table 1's and the
    /// search report's pages.
    /// </summary>
    internal static SectionProperties A4Section(bool landscape, int margin) => new(
        landscape
            ? new PageSize { Width = A4Long, Height = A4Short, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = A4Short, Height = A4Long },
        new PageMargin { Top = margin, Right = (uint)margin, Bottom = margin, Left = (uint)margin, Header = (uint)(margin / 2), Footer = (uint)(margin / 2), Gutter = 0 });

    /// <summary>A Word table cell's text, and with a comparison the value then (shown beneath it, the cell shaded).</summary>
    internal readonly record struct WordCell(string Text, string? Was = null);

    /// <summary>
    /// A table <paramref name="width"/> twips wide with rules above and below and light lines
    /// between rows, a fixed grid whose columns are as wide as their text needs (a column marked
    /// in <paramref name="oneLine"/> is given its longest cell whole where the width allows, and
    /// marked no-wrap), the bold header row repeated on every page and
    /// no row split across pages. Table 1 and the search report are written with it.
    /// </summary>
    internal static Table WordTable(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<WordCell>> rows, IReadOnlyList<bool> oneLine, int width)
    {
        var widths = ColumnWidths.Fit(ColumnTexts(header, rows, oneLine), width, 2 * CellMargin, CellPoints);

        // The schema's order: the table's width, borders, layout and cell margins, then the grid, then the rows.
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(width) },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 8 },
                    new BottomBorder { Val = BorderValues.Single, Size = 8 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 2, Color = "A6A6A6" }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "29", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = CellMargin, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "29", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = CellMargin, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));
        table.Append(new TableRow(header.Select((text, i) => Cell(text, widths[i], header: true, oneLine: false, was: null))
            .Prepend<OpenXmlElement>(new TableRowProperties(new CantSplit(), new TableHeader()))));
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select((cell, i) => Cell(cell.Text, widths[i], header: false, oneLine[i], cell.Was))
                .Prepend<OpenXmlElement>(new TableRowProperties(new CantSplit()))));
        }

        return table;
    }

    /// <summary>Whether <see cref="WordTable"/> of this text, <paramref name="width"/> twips wide, has room for every word whole.</summary>
    internal static bool WordTableHoldsEveryWord(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<WordCell>> rows, IReadOnlyList<bool> oneLine, int width) =>
        ColumnWidths.HoldsEveryWord(ColumnTexts(header, rows, oneLine), width, 2 * CellMargin, CellPoints);

    private static List<ColumnText> ColumnTexts(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<WordCell>> rows, IReadOnlyList<bool> oneLine) =>
        [.. header.Select((h, i) => new ColumnText(h, [.. rows.Select(r => r[i].Was is null ? r[i].Text : $"{r[i].Text}\n{r[i].Was}")], oneLine[i]))];

    /// <summary>
    /// A cell of its column's width; a header cell bold over a rule; a cell that changed since a
    /// compared date shaded, with the value then beneath in italics.
    /// </summary>
    private static TableCell Cell(string text, int width, bool header, bool oneLine, string? was)
    {
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(width) });
        if (header)
        {
            properties.Append(new TableCellBorders(new BottomBorder { Val = BorderValues.Single, Size = 4 }));
        }

        if (was is not null)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "FFF2CC" });
        }

        if (oneLine)
        {
            properties.Append(new NoWrap());
        }

        var cell = new TableCell(properties, new Paragraph(Run(text, header ? new RunProperties(new Bold()) : new RunProperties())));
        if (was is not null)
        {
            // Plain hyphens: the value then starts with its date, a line's first word, which the column is wide enough for.
            cell.Append(new Paragraph(new Run(new RunProperties(new Italic()), new Text(XmlSafe.Text(was)) { Space = SpaceProcessingModeValues.Preserve })));
        }

        return cell;
    }

    /// <summary>A run of text whose hyphens before a digit are Word's non-breaking hyphens: "PD-1" or "2022-01-04" never ends a line at its hyphen.</summary>
    internal static Run Run(string text, RunProperties properties)
    {
        var run = new Run(properties);
        var pieces = LineBreaks.HyphenBeforeDigit().Split(XmlSafe.Text(text));
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new NoBreakHyphen());
            }

            run.Append(new Text(pieces[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    /// <summary>A size in Word's half-points.</summary>
    private static string Points(int points) => (2 * points).ToString(CultureInfo.InvariantCulture);

    private static string Twips(int twips) => twips.ToString(CultureInfo.InvariantCulture);
}
