namespace TrialEvidence.Api.Table1;

/// <summary>
/// How wide text set in Arial is, from the font's advance widths (thousandths of an em). Liberation
/// Sans, which LibreOffice sets in Arial's place, has the same widths, so Word and LibreOffice lay
/// the text out alike. A character outside ASCII counts as a whole em, more than any Latin letter.
/// </summary>
public static class TextWidth
{
    private static readonly short[] Regular =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
        556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
        556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    private static readonly short[] Bold =
    [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
        556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
        611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ];

    /// <summary>The width of <paramref name="text"/> in twips (1/20 pt) at <paramref name="points"/>.</summary>
    public static int Twips(string text, double points, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var widths = bold ? Bold : Regular;
        var thousandths = 0L;
        foreach (var c in text)
        {
            thousandths += c is >= ' ' and <= '~' ? widths[c - ' '] : 1000;
        }

        return (int)Math.Ceiling(thousandths * points * 20 / 1000);
    }
}
