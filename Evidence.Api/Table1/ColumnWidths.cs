using System.Text.RegularExpressions;

namespace TrialEvidence.Api.Table1;

/// <summary>A column's text as printed: its header, every cell (a cell's lines apart), and whether a cell must stay on one line.</summary>
public sealed record ColumnText(string Header, IReadOnlyList<string> Cells, bool OneLine);

/// <summary>
/// The widths of a fixed-layout table's columns from their text, as a browser lays out an automatic
/// table: each column gets at least its widest piece that may not break (a word, or a part of one
/// between slashes; in a column kept on one line, a whole cell), and the rest of the width goes to
/// the columns that would otherwise wrap, in proportion to how much more they would need for their
/// longest cell (capped at twice an equal share, so that one long cell cannot take the page).
/// </summary>
public static partial class ColumnWidths
{
    /// <summary>Where every renderer may end a line: at a space, or after a slash ("advanced/" "unresectable").</summary>
    [GeneratedRegex("(?<=/)| ")]
    private static partial Regex BreakOpportunity();

    /// <summary>Room for the difference between these widths and a renderer's (hinting, rounding).</summary>
    private const double Slack = 1.05;

    /// <summary>Widths in twips, summing to <paramref name="textWidth"/>.</summary>
    /// <param name="cellMargins">A cell's left and right margins together, in twips.</param>
    /// <param name="points">The font size of the cells and (bold) headers.</param>
    public static int[] Fit(IReadOnlyList<ColumnText> columns, int textWidth, int cellMargins, double points)
    {
        var measured = Measure(columns, points);
        var least = measured.Select(m => (Math.Min(m.Widest, textWidth / 5) * Slack) + cellMargins).ToArray();
        var most = measured.Select((m, i) => Math.Max(least[i], (Math.Min(m.Longest, 2 * textWidth / columns.Count) * Slack) + cellMargins)).ToArray();
        var (sumLeast, sumMost) = (least.Sum(), most.Sum());
        var widths = sumLeast >= textWidth ? least.Select(w => w * textWidth / sumLeast)
            : sumMost <= textWidth ? most.Select(w => w * textWidth / sumMost)
            : least.Select((w, i) => w + ((textWidth - sumLeast) * (most[i] - w) / (sumMost - sumLeast)));
        var twips = widths.Select(w => (int)Math.Floor(w)).ToArray();
        // What flooring left over goes to the widest column, so the grid fills the text width exactly.
        twips[Array.IndexOf(twips, twips.Max())] += textWidth - twips.Sum();
        return twips;
    }

    /// <summary>
    /// Whether the columns <see cref="Fit"/> makes of <paramref name="textWidth"/> each have room for
    /// their widest piece that may not break; where one has not, a word breaks mid-word.
    /// </summary>
    public static bool HoldsEveryWord(IReadOnlyList<ColumnText> columns, int textWidth, int cellMargins, double points)
    {
        var widths = Fit(columns, textWidth, cellMargins, points);
        return Measure(columns, points).Select((m, i) => m.Widest + cellMargins <= widths[i]).All(room => room);
    }

    /// <summary>Each column's widest piece that may not break (a bold header word included) and longest line, in twips.</summary>
    private static List<(int Widest, int Longest)> Measure(IReadOnlyList<ColumnText> columns, double points)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return [.. columns.Select(column =>
        {
            var lines = column.Cells.SelectMany(c => c.Split('\n')).ToList();
            var pieces = column.OneLine ? lines : lines.SelectMany(l => BreakOpportunity().Split(l)).ToList();
            var widest = Math.Max(
                column.Header.Split(' ').Max(w => TextWidth.Twips(w, points, bold: true)),
                pieces.Select(p => TextWidth.Twips(p, points)).DefaultIfEmpty(0).Max());
            return (widest, lines.Select(l => TextWidth.Twips(l, points)).DefaultIfEmpty(0).Max());
        })];
    }
}
