using System.Globalization;
using System.Text.RegularExpressions;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// Reads radiotherapy dose and fractionation from free text: "40 Gy in 5 fractions", "8 Gy x 3",
/// "8 Gy × 3", "3 x 8 Gy", "18 Gy/6 F", "30 Gy/3 fx", "50 Gy in 25 fx", "24-40 Gy in 3-5 fractions",
/// "5 fractions of 8 Gy", "25 Gy in five fractions" (a count in words), "30 Gy in 10 daily doses", "39 Gy (RBE) in 13 fractions", "3 Gy to a total dose of 36 Gy",
/// "8 Gy in 3 fractions for a total of 24 Gy", "8 Gy in a single fraction", "a single fraction of 8 Gy",
/// "a single fraction of radiotherapy (total of 10 Gy)", "once daily for 5 days (total of 20 Gy)", cGy as well as Gy. A dose that is not tied to a fraction count ("45 Gy")
/// is kept raw: it could be a total or a dose per fraction, and we do not guess.
/// </summary>
public static partial class RtDoseParser
{
    public const double AlphaBeta = 10;

    /// <summary>Every dose statement in a text, in the order the patterns find them.</summary>
    public static IEnumerable<ParsedDose> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var normalised = text.Replace('×', 'x').Replace('＊', '*').Replace('–', '-').Replace('—', '-');
        var claimed = new List<(int Start, int End)>();
        foreach (var (regex, kind) in Patterns)
        {
            foreach (Match match in regex.Matches(normalised))
            {
                if (claimed.Any(c => match.Index < c.End && c.Start < match.Index + match.Length))
                {
                    continue;
                }

                claimed.Add((match.Index, match.Index + match.Length));
                yield return Read(match, kind);
            }
        }

        foreach (Match lone in LoneDose().Matches(normalised))
        {
            if (!claimed.Any(c => lone.Index < c.End && c.Start < lone.Index + lone.Length))
            {
                yield return new ParsedDose(lone.Value.Trim(), null, null, null);
            }
        }
    }

    /// <summary>The dose statements of a text that state a dose in Gy (a total or a dose per fraction), not only raw text.</summary>
    public static IEnumerable<ParsedDose> Doses(string? text) =>
        Parse(text).Where(d => d.TotalGy is not null || d.DosePerFractionGy is not null);

    /// <summary>A regimen row for one parsed dose: ranges completed from what was stated, BED and EQD2 spanned over them.</summary>
    public static RtRegimen ToRegimen(ParsedDose dose, int ordinal, string sourceField)
    {
        ArgumentNullException.ThrowIfNull(dose);
        var (total, fractions, perFraction) = (dose.TotalGy, dose.Fractions, dose.DosePerFractionGy);
        if (total is null && perFraction is not null && fractions is not null)
        {
            total = (perFraction.Value.Min * fractions.Value.Min, perFraction.Value.Max * fractions.Value.Max);
        }

        if (total is null || fractions is null)
        {
            return new RtRegimen(ordinal, sourceField, dose.Text, null, null, null, null, null, null, null, null, null, null);
        }

        // Every combination of the stated ends, so a range of totals and of fractions gives the
        // envelope of what the text allows, never one invented pairing.
        var corners = (perFraction is { } d
                ? new[] { (d.Min, fractions.Value.Min), (d.Min, fractions.Value.Max), (d.Max, fractions.Value.Min), (d.Max, fractions.Value.Max) }
                : new[] { (total.Value.Min / fractions.Value.Min, fractions.Value.Min), (total.Value.Min / fractions.Value.Max, fractions.Value.Max), (total.Value.Max / fractions.Value.Min, fractions.Value.Min), (total.Value.Max / fractions.Value.Max, fractions.Value.Max) })
            .Select(c => (PerFraction: c.Item1, Total: c.Item1 * c.Item2))
            .ToList();
        var bed = corners.Select(c => c.Total * (1 + (c.PerFraction / AlphaBeta))).ToList();
        var eqd2 = corners.Select(c => c.Total * (c.PerFraction + AlphaBeta) / (2 + AlphaBeta)).ToList();
        return new RtRegimen(
            ordinal,
            sourceField,
            dose.Text,
            total.Value.Min,
            total.Value.Max,
            fractions.Value.Min,
            fractions.Value.Max,
            Round(corners.Min(c => c.PerFraction)),
            Round(corners.Max(c => c.PerFraction)),
            Round(bed.Min()),
            Round(bed.Max()),
            Round(eqd2.Min()),
            Round(eqd2.Max()));
    }

    private enum Kind { TotalInFractions, PerFractionTimesCount, CountTimesPerFraction, CountOfPerFraction, PerFractionToTotal, InFractionsToTotal, SingleFraction }

    private static readonly (Regex Regex, Kind Kind)[] Patterns =
    [
        (InFractionsToTotal(), Kind.InFractionsToTotal),
        (InASingleFraction(), Kind.SingleFraction),
        (SingleFractionOf(), Kind.SingleFraction),
        (SingleFractionTotal(), Kind.SingleFraction),
        (SingleDoseOfGy(), Kind.SingleFraction),
        (DailyForDaysTotal(), Kind.TotalInFractions),
        (TotalInFractions(), Kind.TotalInFractions),
        (TotalInWordFractions(), Kind.TotalInFractions),
        (TotalInDoses(), Kind.TotalInFractions),
        (PerFractionTimesCount(), Kind.PerFractionTimesCount),
        (CountTimesPerFraction(), Kind.CountTimesPerFraction),
        (CountOfPerFraction(), Kind.CountOfPerFraction),
        (PerFractionToTotal(), Kind.PerFractionToTotal),
    ];

    private static ParsedDose Read(Match match, Kind kind)
    {
        var dose = InGy(Range(match.Groups["dose"].Value), match.Groups["unit"].Value);
        if (kind == Kind.PerFractionToTotal)
        {
            // "single doses of 3Gy to a total dose of 36Gy": the count is the total over the dose,
            // where that is a whole number; otherwise the statement is kept raw.
            var total = InGy(Range(match.Groups["total"].Value), match.Groups["totalunit"].Value);
            var whole = total.Max / dose.Max;
            return dose.Min == dose.Max && total.Min == total.Max && whole >= 1 && Math.Abs(whole - Math.Round(whole)) < 0.01
                ? new ParsedDose(match.Value.Trim(), total, ((int)Math.Round(whole), (int)Math.Round(whole)), dose)
                : new ParsedDose(match.Value.Trim(), null, null, null);
        }

        if (kind == Kind.SingleFraction)
        {
            return new ParsedDose(match.Value.Trim(), dose, (1, 1), dose);
        }

        if (kind == Kind.InFractionsToTotal)
        {
            // "8 Gy in 3 fractions for a total of 24 Gy": the first dose is each fraction's where
            // the fractions add up to the total, else the whole course's (where it is the total, or
            // a boost's own: "a boost of 10 Gy in 5 fractions, for a total of 60 Gy").
            var total = InGy(Range(match.Groups["total"].Value), match.Groups["totalunit"].Value).Max;
            var times = (int)Range(match.Groups["count"].Value).Max;
            return Math.Abs((dose.Max * times) - total) < 0.01 ? new ParsedDose(match.Value.Trim(), null, (times, times), dose)
                : new ParsedDose(match.Value.Trim(), dose, (times, times), null);
        }

        var count = Range(match.Groups["count"].Value);
        if (count.Min != Math.Floor(count.Min) || count.Max != Math.Floor(count.Max))
        {
            // "40.8 Gy in 1.2 fractions twice daily": a count is whole; this is a dose per
            // fraction written as a count, and the statement is kept raw, not guessed.
            return new ParsedDose(match.Value.Trim(), null, null, null);
        }

        var fractions = ((int)count.Min, (int)count.Max);
        return kind == Kind.TotalInFractions
            ? new ParsedDose(match.Value.Trim(), dose, fractions, null)
            : new ParsedDose(match.Value.Trim(), null, fractions, dose);
    }

    private static (double Min, double Max) InGy((double Min, double Max) dose, string unit) =>
        unit.StartsWith('c') || unit.StartsWith('C') ? (dose.Min / 100, dose.Max / 100) : dose;

    private static (double Min, double Max) Range(string text)
    {
        if (SpelledCount(text.Trim()) is { } spelled)
        {
            return (spelled, spelled);
        }

        var parts = RangeSeparator().Split(text.Trim());
        var numbers = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return (numbers.Min(), numbers.Max());
    }

    /// <summary>A count written in words ("five", "Twenty-five", "thirty three"), or null.</summary>
    private static int? SpelledCount(string text)
    {
        var parts = text.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            [var one] when Array.IndexOf(Units, one) is var unit and > 0 => unit,
            [var one] when Array.IndexOf(Tens, one) is var ten and > 1 => ten * 10,
            [var ten, var unit] when Array.IndexOf(Tens, ten) is var t and > 1 && Array.IndexOf(Units, unit) is var u and > 0 and < 10 => (t * 10) + u,
            _ => null,
        };
    }

    private static readonly string[] Units =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty"];

    private static double Round(double value) => Math.Round(value, 2);

    private const string Number = @"\d+(?:\.\d+)?";
    private const string NumberRange = Number + @"(?:\s*(?:-|to)\s*" + Number + ")?";

    /// <summary>A count written in words, one to forty-nine ("five fractions", "Two fractions of 38.5 Gy", "twenty-five fractions").</summary>
    private const string CountWord = @"\b(?:(?:twenty|thirty|forty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b";

    /// <summary>A fraction count: digits, a range of them, or words.</summary>
    private const string Count = "(?:" + NumberRange + "|" + CountWord + ")";
    /// <summary>
    /// Gy or cGy (or their plural, "15-20Gys"), with a particle beam's biological-effectiveness mark if written ("Gy (RBE)",
    /// "Gy[RBE]", "GyRBE", "Gy (E)", "GyE"), or CGE (cobalt gray equivalent, a Gy).
    /// </summary>
    private const string Unit = @"(?:(?<unit>c?Gy|[Gg]ray)s?(?:\s*[\(\[]\s*(?:RBE|E)\s*[\)\]]|\s*RBE\b|E\b|\b)|CGE\b)";
    private const string FractionWord = FractionRate + @"(?:fractions?|fx|frs?|f|times|sessions?)\b";

    /// <summary>Not followed, within the sentence, by words of a schedule or a total: a "single dose" that is each fraction's of a course (<see cref="SingleDoseOfGy"/>, and a range in <see cref="SingleFractionOf"/>).</summary>
    private const string OfACourse = @"(?![^.;]{0,40}?\b(?:daily|per\s+day|a\s+day|each\s+(?:treatment\s+)?day|every\s+(?:treatment\s+)?day|days?\s+a\s+week|a\s+week|per\s+week|weekly|on\s+days|fractions|to\s+a\s+total|total\s+(?:dose|of)|to\s+\d+(?:\.\d+)?\s*c?Gy|twice|once\s+daily)\b)";

    /// <summary>How often fractions come, before the word for them ("daily fractions", "10 twice-daily fractions", "6 once-weekly fractions").</summary>
    private const string FractionRate = @"(?:(?:daily|(?:once|twice)[- ]daily|(?:once[- ])?weekly)\s+)?";

    /// <summary>The words for fractions a count in words or "fractions of" is read with: not the abbreviations "f" and "frs", nor "times", which also count other things.</summary>
    private const string FractionNoun = @"(?:fractions?|fx|sessions?)";

    [GeneratedRegex(@"(?<dose>" + NumberRange + @")\s*" + Unit + @"\s*(?:in|/|,|over|delivered in|given in)?\s*(?<count>" + NumberRange + @")\s*" + FractionWord, RegexOptions.IgnoreCase)]
    private static partial Regex TotalInFractions();

    /// <summary>
    /// "25 Gy in five fractions": a count in words only after "in" or "over" and before
    /// "fractions" not said per day or week ("50 Gy, one fraction per day, five days per week",
    /// "1.8 Gy, five fractions per week", "1.6 Gy two times a day" are rates, not counts).
    /// </summary>
    [GeneratedRegex(@"(?<dose>" + NumberRange + @")\s*" + Unit + @"\s*(?:in|over|delivered in|given in)\s+(?<count>" + CountWord + @")\s+" + FractionRate + FractionNoun + @"\b(?!\s*(?:per|a|an|each|every|daily|weekly)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex TotalInWordFractions();

    /// <summary>"8 Gy in 3 fractions for a total of 24 Gy": read before TotalInFractions, which would take 8 Gy for the whole course.</summary>
    [GeneratedRegex(@"(?<dose>" + Number + @")\s*" + Unit + @"\s*(?:in|x)\s*(?<count>\d+|" + CountWord + @")\s*" + FractionWord + @"\s*,?\s*(?:for|to)\s+a\s+total(?:\s+dose)?\s+of\s+(?<total>" + Number + @")\s*(?<totalunit>c?Gy|[Gg]ray)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InFractionsToTotal();

    /// <summary>"8 Gy in a single fraction", "8 Gy single-fraction", "20 Gy in a single session"; not "7 Gy in a single session per week" (how often a fraction is given).</summary>
    [GeneratedRegex(@"(?<dose>" + Number + @")\s*" + Unit + @"\s*(?:(?:in|as|x)\s+(?:a\s+|one\s+)?)?single[- ](?:fraction|dose|(?:session|shot)\b(?!,?\s*(?:(?:per|each|every|a)\s+(?:day|week)|daily|weekly)\b))\b", RegexOptions.IgnoreCase)]
    private static partial Regex InASingleFraction();

    /// <summary>
    /// "a single 5 Gy dose of radiation", "a single 8-Gy fraction": the dose between "single" and
    /// the fraction or dose it is, at most "radiation" between; not one fraction of a schedule
    /// that the words after it give, up to the sentence's end ("a single 2 Gy fraction daily",
    /// "a single 1.8 Gy fraction, five days a week, to 50.4 Gy", "a single 4 Gy dose on days 1,
    /// 8 and 15"); "on day 1" or "each painful bone metastasis" is still one fraction.
    /// </summary>
    [GeneratedRegex(@"\bsingle\s+(?<dose>" + Number + @")[\s-]*" + Unit + @"[\s-]+(?:(?:radiation|radiotherapy|RT)\s+)?(?:fraction|dose)\b" + OfACourse + @"(?!\s*(?:x\s*\d|\d|to\s+\d))", RegexOptions.IgnoreCase)]
    private static partial Regex SingleDoseOfGy();

    /// <summary>"a single fraction of 8 Gy", "single dose radiation regimens of 8Gy", "A single dose of 15-20Gys" (a range: the one fraction's dose is one of them), "a single session of 20 Gy", "Single shot of 25 Gy": "of" within three words, none of them "or", "versus", "instead"...
    /// Not a range that a schedule or total follows ("a single dose of 1.8-2.0 Gy five times a week up to a total dose of 50.4 Gy": the German "Einzeldosis", each fraction's dose).</summary>
    [GeneratedRegex(@"\bsingle[- ](?:fraction|dose|session|shot)\b(?:\s+(?!(?:or|versus|vs|instead|compared|and)\b)[^\s.;\d]+){0,3}?\s+of\s+(?<dose>" + Number + @"(?<range>\s*(?:-|to)\s*" + Number + @")?)\s*" + Unit + @"(?(range)" + OfACourse + ")", RegexOptions.IgnoreCase)]
    private static partial Regex SingleFractionOf();

    /// <summary>
    /// "a single fraction of radiotherapy to the area of spinal cord compression (total of 10 Gy)":
    /// a total in brackets within twelve words after "single fraction", none of them "or",
    /// "versus", "instead", "rather than"... (the total of another schedule compared with it).
    /// A day's number may be among the words ("on day 1"); no other number is (another dose).
    /// Not "single dose", which is a drug's as often ("a single dose of dexamethasone").
    /// </summary>
    [GeneratedRegex(@"\bsingle[- ]fraction\b(?:\s+(?!(?:or|versus|vs|instead|compared|and|rather|than|not)\b)(?:[^\s.;\d()]+|(?<=\bdays?\s)\d+)){0,12}?\s*\(\s*(?:a\s+)?total(?:\s+dose)?(?:\s+of)?\s+(?<dose>" + Number + @")\s*" + Unit + @"\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex SingleFractionTotal();

    /// <summary>
    /// "once daily for 5 days (total of 20 Gy)", "daily for 5 consecutive days to a total dose of
    /// 20 Gy", "once daily for 5 days, for a total of 20 Gy": a fraction a day for that many days.
    /// Not twice daily or "2 fractions daily", whose days count half the fractions.
    /// </summary>
    [GeneratedRegex(@"(?<!(?:twice|bid|thrice|fractions?|times|\d)[\s-])\b(?:once[- ])?daily\s*,?\s*for\s+(?<count>\d+)\s+(?:consecutive\s+)?(?:treatment\s+|working\s+)?days\s*(?:\(\s*|,\s*)?(?:to\s+|for\s+)?(?:a\s+)?total(?:\s+dose)?(?:\s+of)?\s+(?<dose>" + Number + @")\s*" + Unit, RegexOptions.IgnoreCase)]
    private static partial Regex DailyForDaysTotal();

    /// <summary>"30 Gy in 10 daily doses": doses count fractions only after "in" or "over" ("50 Gy, 2 doses of mitomycin" is no schedule).</summary>
    [GeneratedRegex(@"(?<dose>" + NumberRange + @")\s*" + Unit + @"\s*(?:in|over|delivered in|given in)\s*(?<count>" + Count + @")\s*(?:daily\s+)?doses\b", RegexOptions.IgnoreCase)]
    private static partial Regex TotalInDoses();

    [GeneratedRegex(@"(?<dose>" + NumberRange + @")\s*" + Unit + @"\s*(?:x|\*)\s*(?<count>" + NumberRange + @")(?:\s*" + FractionWord + ")?", RegexOptions.IgnoreCase)]
    private static partial Regex PerFractionTimesCount();

    [GeneratedRegex(@"(?<count>" + NumberRange + @")\s*(?:x|\*)\s*(?<dose>" + NumberRange + @")\s*" + Unit, RegexOptions.IgnoreCase)]
    private static partial Regex CountTimesPerFraction();

    /// <summary>"10 daily fractions of 3 Gy"; not "two daily fractions of 1.5 Gy", two a day.</summary>
    [GeneratedRegex(@"(?<count>" + Count + @")\s*(?!(?<=\b(?:two|2)\s*)daily\b)" + FractionRate + FractionNoun + @"\s*of\s*(?<dose>" + NumberRange + @")\s*" + Unit, RegexOptions.IgnoreCase)]
    private static partial Regex CountOfPerFraction();

    /// <summary>"single doses of 3Gy to a total dose of 36Gy", "2.5 Gy per fraction to a total of 50 Gy".</summary>
    [GeneratedRegex(@"(?<dose>" + Number + @")\s*(?<unit>c?Gy|[Gg]ray)\b\s*(?:per\s+fraction|per\s+day|daily|each)?\s*,?\s*(?:up\s+)?to\s+a\s+total(?:\s+dose)?\s+of\s+(?<total>" + Number + @")\s*(?<totalunit>c?Gy|[Gg]ray)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PerFractionToTotal();

    [GeneratedRegex(NumberRange + @"\s*(?:c?Gy|[Gg]ray)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LoneDose();

    [GeneratedRegex(@"\s*(?:-|to)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RangeSeparator();
}

/// <summary>One dose statement as written: a total in fractions, or a dose per fraction times a count, or only raw text.</summary>
public sealed record ParsedDose(
    string Text,
    (double Min, double Max)? TotalGy,
    (int Min, int Max)? Fractions,
    (double Min, double Max)? DosePerFractionGy);
