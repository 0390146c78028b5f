namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// When a word is a misspelling of a drug's generic name ("pembrolizumb", "durvulamab"): a name
/// of at least <see cref="MinimumLength"/> letters, a word without digits, the same first letter,
/// and at most one edit away (two for names of <see cref="TwoEditsFrom"/> letters or more), an
/// edit being a letter inserted, deleted, changed, or two letters swapped that are neighbours or
/// have one letter between them ("ipilumimab" for ipilimumab; "y" for "i" is no edit,
/// <see cref="FoldY"/>). Generic names of one
/// stem mostly differ by more than that (nivolumab and lirilumab by three), a word near two names
/// matches neither (<see cref="TermMatcher{T}"/>), and shorter names are matched only exactly:
/// afatinib and apatinib, two real drugs, are one letter apart. The tests hold the real names that
/// must not match. A "-lizumab" written for a "-limab" (or the reverse) is read as the name's own
/// ending (<see cref="RespeltStem"/>).
/// </summary>
public static class NearSpelling
{
    public const int MinimumLength = 9;

    public const int TwoEditsFrom = 12;

    /// <summary>Whether a name (a term's key) is long enough and free of digits to be matched approximately.</summary>
    public static bool CanMatch(string name) => name.Length >= MinimumLength && IsWord(name);

    /// <summary>Whether a word of a text may be a misspelling: letters only, at most one shorter than the shortest name.</summary>
    public static bool CanBeMisspelling(string word) => word.Length >= MinimumLength - 1 && IsWord(word);

    private static bool IsWord(string text) => !text.Any(char.IsDigit);

    /// <summary>Whether <paramref name="word"/> is a misspelling of <paramref name="name"/> (both lower-case keys); not when they are equal.</summary>
    public static bool IsNear(string word, string name)
    {
        if (word[0] != name[0] || word == name)
        {
            return false;
        }

        var allowed = name.Length >= TwoEditsFrom ? 2 : 1;
        if (Math.Abs(word.Length - name.Length) <= allowed && Distance(FoldY(word), FoldY(name), allowed) <= allowed)
        {
            return true;
        }

        return RespeltStem(word, name) is { } respelt && Distance(respelt, name, 1) <= 1;
    }

    /// <summary>
    /// The word with "y" written "i": registrants put one for the other ("mytomicin" for
    /// mitomycin), so the two letters are not an edit apart.
    /// </summary>
    private static string FoldY(string word) => word.Replace('y', 'i');

    private const string OldStem = "lizumab";

    private const string NewStem = "limab";

    /// <summary>
    /// Antibodies named since the 2017 INN scheme end in "-limab" (sintilimab, adebrelimab);
    /// registrants often write them with the older humanised-antibody ending "-lizumab"
    /// ("adebelizumab", "sintilizumab"), and older names the other way round. The word with the
    /// name's ending in place of its own, when the two endings differ that way; otherwise null.
    /// One more edit is then allowed, as for a name under twelve letters.
    /// </summary>
    private static string? RespeltStem(string word, string name)
    {
        if (word.EndsWith(OldStem, StringComparison.Ordinal) && name.EndsWith(NewStem, StringComparison.Ordinal) && !name.EndsWith(OldStem, StringComparison.Ordinal))
        {
            return word[..^OldStem.Length] + NewStem;
        }

        if (word.EndsWith(NewStem, StringComparison.Ordinal) && name.EndsWith(OldStem, StringComparison.Ordinal))
        {
            return word[..^NewStem.Length] + OldStem;
        }

        return null;
    }

    /// <summary>
    /// The optimal-string-alignment distance of two words (insertions, deletions, substitutions,
    /// swaps of neighbours, and swaps of two letters across a third, which registrants make with a
    /// name's vowels: "ipilumimab", "durvulamab"), or <paramref name="limit"/> + 1 as soon as it
    /// must exceed the limit.
    /// </summary>
    public static int Distance(string a, string b, int limit)
    {
        if (b.Length > 64)
        {
            return limit + 1;
        }

        Span<int> previous3 = stackalloc int[b.Length + 1];
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                if (i > 2 && j > 2 && a[i - 1] == b[j - 3] && a[i - 3] == b[j - 1] && a[i - 2] == b[j - 2])
                {
                    value = Math.Min(value, previous3[j - 3] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            var spare = previous3;
            previous3 = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }
}
