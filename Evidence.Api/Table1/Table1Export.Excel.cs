using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace TrialEvidence.Api.Table1;

public static partial class Table1Export
{
    /// <summary>
    /// The sheet's columns for the printed ones asked for, with enrollment as numbers a spreadsheet
    /// can sum and sort (the count, its type, the first estimate) in place of the printed enrollment cell.
    /// </summary>
    public static IReadOnlyList<(string Header, Func<Table1Row, object?> Cell)> ExcelColumns(IReadOnlyList<(string Header, Func<Table1Row, string?> Cell)> columns) =>
    [
        .. columns.SelectMany(c => c.Header == "Enrollment"
            ? new (string, Func<Table1Row, object?>)[]
            {
                ("Enrollment", r => r.EnrollmentCount),
                ("Enrollment type", r => TrialEvidence.Data.Studies.RegistryLabels.EnrollmentType(r.EnrollmentType)),
                ("First estimate", r => r.FirstEstimatedEnrollment),
            }
            : [(c.Header, r => Neutralised(c.Cell(r)))]),
    ];

    /// <summary>The widest a column of text gets, in characters: longer cells wrap, so that the sheet prints across one page at a size people read.</summary>
    private const int ExcelWrapWidth = 24;

    /// <summary>
    /// Two sheets. "Table 1": numbers as numbers, the header row frozen and filterable, columns as
    /// wide as their text (up to a width past which it wraps; ids, phases and statuses never wrap),
    /// rows as tall as their wrapped text; printed A4 landscape, one page wide, the header row on
    /// every page, the caption above and page numbers below. "Notes": the caption and footnotes
    /// (ids not found among them), apart, so sorting or filtering the table never mixes them in.
    /// </summary>
    public static byte[] Excel(IReadOnlyList<Table1Row> rows, IReadOnlyList<(string Header, Func<Table1Row, string?> Cell)> columns, Table1Notes notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var sheetColumns = ExcelColumns(columns);
        var sheet = rows.Select(row => sheetColumns.ToDictionary(c => c.Header, c => c.Cell(row))).ToList();
        if (sheet.Count == 0)
        {
            sheet.Add(sheetColumns.ToDictionary(c => c.Header, _ => (object?)null));
        }

        var texts = sheet.Select(row => sheetColumns.Select(c => Convert.ToString(row[c.Header], CultureInfo.InvariantCulture) ?? string.Empty).ToArray())
            .Prepend([.. sheetColumns.Select(c => c.Header)]).ToList();
        var widths = sheetColumns.Select((c, i) => ExcelWidth(c.Header, texts.Skip(1).Select(t => t[i]))).ToArray();
        var noteLines = notes.Footnotes.Prepend(notes.Caption).Select(Neutralised).ToList();
        var notesSheet = noteLines.Select(line => new Dictionary<string, object?> { [ExcelNotesSheet] = line }).ToList();
        using var buffer = new MemoryStream();
        buffer.SaveAs(new Dictionary<string, object> { [ExcelSheet] = sheet, [ExcelNotesSheet] = notesSheet }, configuration: new OpenXmlConfiguration
        {
            AutoFilter = true,
            FreezeRowCount = 1,
            DynamicColumns =
            [
                .. sheetColumns.Select((c, i) => new DynamicExcelColumn(c.Header) { Width = widths[i] }),
                new DynamicExcelColumn(ExcelNotesSheet) { Width = ExcelNotesWidth },
            ],
            StyleOptions = new OpenXmlStyleOptions
            {
                WrapCellContents = true,
                VerticalAlignment = VerticalCellAlignment.Top,
                HeaderStyle = new OpenXmlHeaderStyle { WrapText = true, VerticalAlignment = VerticalCellAlignment.Top },
            },
        });
        Finish(
            buffer,
            notes.Caption,
            [.. texts.Select(t => t.Select((text, i) => WrappedLines(text, widths[i] - ExcelCellMargin)).Max())],
            [.. noteLines.Prepend(ExcelNotesSheet).Select(line => WrappedLines(line, ExcelNotesWidth - ExcelCellMargin))]);
        return buffer.ToArray();
    }

    /// <summary>The table's sheet, the first.</summary>
    private const string ExcelSheet = "Table 1";

    /// <summary>The notes' sheet, and its one column's header; the column is this many characters wide, its lines wrapped.</summary>
    private const string ExcelNotesSheet = "Notes";

    private const int ExcelNotesWidth = 120;

    /// <summary>What a column gives beside its text, in characters.</summary>
    private const int ExcelCellMargin = 2;

    /// <summary>
    /// A column's width in characters: its longest cell (whole in a column kept on one line, else
    /// up to <see cref="ExcelWrapWidth"/>), at least its header's longest word (bold: one more), and a margin.
    /// </summary>
    private static double ExcelWidth(string header, IEnumerable<string> cells)
    {
        var longest = cells.Select(c => c.Length).DefaultIfEmpty(0).Max();
        var text = Table1Row.OneLine.Contains(header) ? longest : Math.Min(longest, ExcelWrapWidth);
        return Math.Max(text, header.Split(' ').Max(w => w.Length) + 1) + ExcelCellMargin;
    }

    /// <summary>
    /// How many lines <paramref name="text"/> takes wrapped at spaces in <paramref name="width"/>
    /// characters (a longer word is cut): a character counts as a whole width of "0", which most
    /// are not, so a row is never shorter than its text.
    /// </summary>
    private static int WrappedLines(string text, double width)
    {
        var (lines, used) = (1, 0);
        foreach (var word in text.Split(' '))
        {
            if (used > 0 && used + 1 + word.Length > width)
            {
                (lines, used) = (lines + 1, 0);
            }

            used += (used > 0 ? 1 : 0) + word.Length;
            while (used > width)
            {
                (lines, used) = (lines + 1, used - (int)width);
            }
        }

        return lines;
    }

    /// <summary>
    /// What MiniExcel does not write: each row's height from its wrapped text (a spreadsheet program
    /// need not fit them itself, and LibreOffice does not), the grid on empty cells too, the page
    /// setup, the header row repeated on each printed page, the caption and page numbers.
    /// </summary>
    private static void Finish(MemoryStream xlsx, string caption, int[] lines, int[] notesLines)
    {
        using var document = SpreadsheetDocument.Open(xlsx, isEditable: true);
        var workbook = document.WorkbookPart!;
        Worksheet Named(string name) =>
            ((WorksheetPart)workbook.GetPartById(workbook.Workbook!.Descendants<Sheet>().Single(s => s.Name == name).Id!.Value!)).Worksheet!;
        var sheet = Named(ExcelSheet);
        var notes = Named(ExcelNotesSheet);
        FitRows(sheet, lines);
        FitRows(notes, notesLines);
        foreach (var printed in new[] { sheet, notes })
        {
            printed.SheetProperties = new SheetProperties(new PageSetupProperties { FitToPage = true });
            printed.AddChild(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
            printed.AddChild(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        }

        sheet.AddChild(new HeaderFooter(
            new OddHeader("&L&\"Arial,Bold\"" + caption.Replace("&", "&&", StringComparison.Ordinal)),
            new OddFooter("&RPage &P of &N")));
        workbook.Workbook!.AddChild(new DefinedNames(new DefinedName("'Table 1'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
    }

    /// <summary>Each row as tall as its lines of wrapped text; empty cells styled as their row's first (so they have the grid too).</summary>
    private static void FitRows(Worksheet sheet, int[] lines)
    {
        foreach (var (row, index) in sheet.Descendants<Row>().Select((r, i) => (r, i)))
        {
            (row.Height, row.CustomHeight) = (Math.Min(lines[index] * ExcelLinePoints, ExcelMaxRowPoints), true);
            var style = row.Elements<Cell>().First().StyleIndex;
            foreach (var empty in row.Elements<Cell>().Where(c => c.StyleIndex is null || c.StyleIndex.Value == 0))
            {
                empty.StyleIndex = style;
            }
        }
    }

    /// <summary>The tallest row a spreadsheet allows, in points (Excel's limit).</summary>
    private const double ExcelMaxRowPoints = 409;

    /// <summary>A line of 11-point Calibri, the sheet's font, with its leading.</summary>
    private const double ExcelLinePoints = 15;
}
