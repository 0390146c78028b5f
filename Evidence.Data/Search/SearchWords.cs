using System.Globalization;
using System.Text;

namespace TrialEvidence.Data.Search;

/// <summary>
/// Words as SQLite's FTS5 tokenizer cuts them (<c>unicode61 remove_diacritics 2</c>): runs of
/// letters, digits and private-use characters, lower-cased, Latin letters without their
/// diacritics; everything else separates. PostgreSQL's full-text search is given words cut
/// here (<see cref="PostgresSearchDocument"/>), so that "PD-1", "pd 1" and "Pd–1" are the same
/// two words on both, where PostgreSQL's own parser would read "PD-1" as a hyphenated word and
/// "3.5" as one number.
/// </summary>
public static class SearchWords
{
    /// <summary>The words of <paramref name="text"/>, in order.</summary>
    public static List<string> Of(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordCharacter(rune))
            {
                if (rune.IsBmp)
                {
                    word.Append(Diacritics.Fold((char)rune.Value));
                }
                else
                {
                    word.Append(Rune.ToLowerInvariant(rune).ToString());
                }
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>FTS5's default token characters: the Unicode categories L*, N* and Co.</summary>
    private static bool IsWordCharacter(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.PrivateUse => true,
        _ => false,
    };
}
